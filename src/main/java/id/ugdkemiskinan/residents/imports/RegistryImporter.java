package id.ugdkemiskinan.residents.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.ugdkemiskinan.common.ChangeAudit;
import id.ugdkemiskinan.common.ChangeAudit.Action;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.region.DesaRef;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.residents.registry.RegistryWriter;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * Runs the imports of programme and desil lists: takes the upload into a temporary file
 * (never into memory), starts the import in the background on a bounded pool (one list at
 * a time by default), reads it as a stream and writes it in batches, each its own
 * transaction with the import's progress and counts, and undoes one import.
 */
@Service
public class RegistryImporter {

	private static final Logger log = LoggerFactory.getLogger(RegistryImporter.class);

	/** Rows per batch (and per progress step). */
	static final int BATCH = 5000;

	static final int VALUE_MAX = 200;

	static final Locale MESSAGES = Locale.forLanguageTag("id");

	/** An upload waiting for its column mapping: in the session, the file on disk. */
	public record Upload(String token, String sourceCode, String filename, String path, String sha256, long size,
			ListFormat format, ArrayList<String> headings) implements Serializable {

		private static final long serialVersionUID = 1L;

	}

	/** The undo found the import still running or already undone. */
	static final class UndoRefused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UndoRefused(String status) {
			super("Import is " + status);
		}

	}

	/** An upload that is no list: the field's message key. */
	static final class UnreadableUpload extends Exception {

		private static final long serialVersionUID = 1L;

		private final String messageKey;

		UnreadableUpload(String messageKey) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return this.messageKey;
		}

	}

	private final ImportStore store;

	private final BatchWriter writer;

	private final RegistryWriter registry;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transaction;

	private final ChangeAudit audit;

	private final Regions regions;

	private final MessageSource messages;

	private final Clock clock;

	private final TimeProperties time;

	private final Path directory;

	private final ThreadPoolExecutor pool;

	RegistryImporter(ImportStore store, BatchWriter writer, RegistryWriter registry, JdbcClient jdbc,
			JdbcTemplate jdbcTemplate, TransactionTemplate transaction, ChangeAudit audit, Regions regions,
			MessageSource messages, Clock clock, TimeProperties time) throws IOException {
		this.store = store;
		this.writer = writer;
		this.registry = registry;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.transaction = transaction;
		this.audit = audit;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
		this.time = time;
		this.directory = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "ugd-imports"));
		// Bounded: one list at a time (the database is the limit), up to 20 waiting.
		this.pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(20), (runnable) -> {
			Thread thread = new Thread(runnable, "registry-import");
			thread.setDaemon(true);
			return thread;
		});
	}

	@PreDestroy
	void stop() {
		this.pool.shutdownNow();
	}

	/**
	 * Copies the upload into a temporary file (with its SHA-256 on the way) and reads its
	 * heading row.
	 */
	Upload receive(String sourceCode, String filename, InputStream content) throws IOException, UnreadableUpload {
		sweepOldFiles();
		String token = UUID.randomUUID().toString();
		Path file = this.directory.resolve(token + ".upload");
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		long size;
		try (InputStream in = new DigestInputStream(content, digest); OutputStream out = Files.newOutputStream(file)) {
			size = in.transferTo(out);
		}
		try {
			if (size == 0) {
				throw new UnreadableUpload("imp.file.empty");
			}
			ListFormat format = ListFormat.of(filename, file);
			if (format == null) {
				throw new UnreadableUpload("imp.file.type");
			}
			List<String> headings;
			try {
				headings = new ListReader(file, format).headings();
			}
			catch (ListReader.UnreadableListException | IOException | RuntimeException ex) {
				throw new UnreadableUpload("imp.file.unreadable");
			}
			if (headings.stream().allMatch((h) -> RowReader.clean(h) == null)) {
				throw new UnreadableUpload("imp.file.noHeadings");
			}
			ArrayList<String> cleaned = new ArrayList<>();
			for (String h : headings) {
				String c = RowReader.clean(h);
				cleaned.add((c == null) ? "" : (c.length() > 100 ? c.substring(0, 100) : c));
			}
			return new Upload(token, sourceCode, filename, file.toString(), HexFormat.of().formatHex(digest.digest()),
					size, format, cleaned);
		}
		catch (UnreadableUpload ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	/**
	 * The upload's file, if it is still there (a token of this server's uploads only).
	 */
	@Nullable Path file(Upload upload) {
		Path file = Path.of(upload.path());
		return (file.getParent().equals(this.directory) && Files.isRegularFile(file)) ? file : null;
	}

	/**
	 * Starts the import of an upload with this mapping (target field to heading, each a
	 * heading of the file): saves the mapping for the source, records the start and runs
	 * it in the background.
	 * @return the import's id
	 */
	long start(Upload upload, ImportSource source, Map<ImportField, String> mapping, @Nullable LocalDate asOf,
			long actorId, String actorName) {
		return start(upload, source, mapping, asOf, actorId, actorName, true);
	}

	/**
	 * Imports a file in the calling thread, as an upload mapped on the page would be (for
	 * benchmarks and scripts): the mapping is target field key ({@code nik}, {@code kk},
	 * ...) to the file's heading.
	 * @return the import's id, finished when this returns
	 */
	public long importNow(Path content, String filename, String sourceCode, Map<String, String> mappingByKey,
			@Nullable LocalDate asOf, long actorId, String actorName) throws IOException {
		ImportSource source = this.store.source(sourceCode)
			.orElseThrow(() -> new NotFoundException("No source " + sourceCode));
		Upload upload;
		try (InputStream in = Files.newInputStream(content)) {
			upload = receive(sourceCode, filename, in);
		}
		catch (UnreadableUpload ex) {
			throw new IOException("Not a list: " + ex.messageKey());
		}
		Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
		mappingByKey.forEach((key, heading) -> mapping.put(ImportField.byKey(key), heading));
		return start(upload, source, mapping, asOf, actorId, actorName, false);
	}

	private long start(Upload upload, ImportSource source, Map<ImportField, String> mapping, @Nullable LocalDate asOf,
			long actorId, String actorName, boolean background) {
		Path file = file(upload);
		if (file == null) {
			throw new NotFoundException("Upload " + upload.token() + " is gone");
		}
		Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
		mapping.forEach((field, heading) -> columns.put(field, upload.headings().indexOf(heading)));
		Instant now = this.clock.instant();
		long id = this.transaction.execute((status) -> {
			this.store.saveMapping(source.code(), mapping);
			long created = this.jdbc.sql("""
					INSERT INTO registry_import (source_code, filename, content_sha256, status, total_bytes, started_by,
					                             started_at, as_of, heartbeat_at)
					VALUES (:source, :filename, :sha, 'BERJALAN', :total, :actor, :now, :asOf, now()) RETURNING id""")
				.param("source", source.code())
				.param("filename",
						upload.filename().length() > 255 ? upload.filename().substring(0, 255) : upload.filename())
				.param("sha", upload.sha256())
				.param("total", upload.size())
				.param("actor", actorId)
				.param("now", utc(now))
				.param("asOf", asOf)
				.query(Long.class)
				.single();
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("source", source.code());
			after.put("filename", upload.filename());
			after.put("sha256", upload.sha256());
			after.put("mapping", mapping);
			this.audit.record(actorId, actorName, "REGISTRY_IMPORT", Long.toString(created), Action.CREATED, null,
					after, now);
			return created;
		});
		if (!background) {
			run(id, file, upload.format(), source, columns, asOf);
			return id;
		}
		try {
			this.pool.execute(() -> run(id, file, upload.format(), source, columns, asOf));
		}
		catch (RejectedExecutionException ex) {
			finish(id, "GAGAL", message("imp.failure.busy"));
			deleteQuietly(file);
		}
		return id;
	}

	/**
	 * Runs one import to its end, in the calling thread (the pool's, or a benchmark's).
	 */
	void run(long id, Path file, ListFormat format, ImportSource source, Map<ImportField, Integer> columns,
			@Nullable LocalDate asOf) {
		try {
			List<DesaRef> desa = new ArrayList<>();
			for (KecamatanRef k : this.regions.kecamatan()) {
				desa.addAll(this.regions.desaIn(k.code()));
			}
			LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.time.zone());
			RowReader rows = new RowReader(source.desil(), columns, asOf, desa, this.regions::isProvinceCode, today);
			ListReader reader = new ListReader(file, format);
			try (Batch batch = new Batch(id, source, reader)) {
				reader.read((headings) -> {
				}, (rowNumber, cells) -> {
					batch.add(rows, rowNumber, cells);
					if (batch.size() >= BATCH) {
						batch.flush();
					}
				});
				batch.flush();
				batch.awaitWritten();
			}
			finish(id, "SELESAI", null);
		}
		catch (Exception ex) {
			log.warn("Import {} failed", id, ex);
			finish(id, "GAGAL", message(ex instanceof ListReader.UnreadableListException ? "imp.failure.unreadable"
					: "imp.failure.internal"));
		}
		finally {
			deleteQuietly(file);
		}
	}

	/**
	 * The rows read since the last flush: good ones staged, bad ones with their problems.
	 * A full batch is written on a thread of its own while the next one is read (at most
	 * two batches in memory): reading and validating (this JVM) and writing (the
	 * database) overlap.
	 */
	private final class Batch implements AutoCloseable {

		private final long id;

		private final ImportSource source;

		private final ListReader reader;

		private List<RowReader.Staged> staged = new ArrayList<>(BATCH);

		private List<RowReader.Problem> problems = new ArrayList<>();

		private int failed;

		private final ExecutorService writing = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "registry-import-writer");
			thread.setDaemon(true);
			return thread;
		});

		private @Nullable Future<?> pending;

		Batch(long id, ImportSource source, ListReader reader) {
			this.id = id;
			this.source = source;
			this.reader = reader;
		}

		void add(RowReader rows, long rowNumber, List<String> cells) {
			RowReader.Staged row = rows.read(rowNumber, cells, this.problems);
			if (row == null) {
				this.failed++;
			}
			else {
				this.staged.add(row);
			}
		}

		int size() {
			return this.staged.size() + this.failed;
		}

		/** Hands the batch to the writer (after the previous one is written). */
		void flush() {
			awaitWritten();
			List<RowReader.Staged> rows = this.staged;
			List<RowReader.Problem> bad = this.problems;
			int failedRows = this.failed;
			long read = this.reader.position();
			long total = this.reader.total();
			this.staged = new ArrayList<>(BATCH);
			this.problems = new ArrayList<>();
			this.failed = 0;
			this.pending = this.writing.submit(() -> write(rows, bad, failedRows, read, total));
		}

		/** Waits for the batch being written; its failure is the import's. */
		void awaitWritten() {
			Future<?> writing = this.pending;
			if (writing == null) {
				return;
			}
			this.pending = null;
			try {
				writing.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Import interrupted", ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("A batch could not be written", ex.getCause());
			}
		}

		@Override
		public void close() {
			this.writing.shutdownNow();
		}

		private void write(List<RowReader.Staged> rows, List<RowReader.Problem> bad, int failedRows, long read,
				long total) {
			Instant now = RegistryImporter.this.clock.instant();
			RegistryImporter.this.transaction.executeWithoutResult((status) -> {
				int added = RegistryImporter.this.writer.write(this.id, this.source, rows, now);
				if (!bad.isEmpty()) {
					List<Object[]> args = new ArrayList<>(bad.size());
					for (RowReader.Problem p : bad) {
						args.add(new Object[] { this.id, (int) Math.min(Integer.MAX_VALUE, p.rowNumber()), p.field(),
								truncate(p.value()), message(p.messageKey()) });
					}
					RegistryImporter.this.jdbcTemplate.batchUpdate("""
							INSERT INTO import_row_error (import_id, row_number, field, value, message)
							VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", args);
				}
				RegistryImporter.this.jdbc.sql("""
						UPDATE registry_import SET read_bytes = :read, total_bytes = :total, heartbeat_at = now(),
						    rows_read = rows_read + :rows, rows_added = rows_added + :added,
						    rows_unchanged = rows_unchanged + :unchanged, rows_failed = rows_failed + :failed
						WHERE id = :id""")
					.param("id", this.id)
					.param("read", read)
					.param("total", total)
					.param("rows", rows.size() + failedRows)
					.param("added", added)
					.param("unchanged", rows.size() - added)
					.param("failed", failedRows)
					.update();
			});
		}

	}

	private void finish(long id, String status, @Nullable String failure) {
		this.jdbc.sql("""
				UPDATE registry_import SET status = :status, failure = :failure, finished_at = :now,
				    read_bytes = CASE WHEN :status = 'SELESAI' THEN total_bytes ELSE read_bytes END
				WHERE id = :id AND status = 'BERJALAN'""")
			.param("id", id)
			.param("status", status)
			.param("failure", failure)
			.param("now", utc(this.clock.instant()))
			.update();
	}

	/**
	 * Undoes one finished (or failed) import: deletes the rows it added, recomputes the
	 * households' newest intervention and current desil, marks it undone; then, apart,
	 * deletes the persons and households it created that nothing else refers to.
	 * @throws UndoRefused while it runs or when it is already undone
	 */
	void undo(long id, long actorId, String actorName) {
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult((tx) -> {
			String status = this.jdbc
				.sql("SELECT CASE WHEN " + ImportStore.STALE
						+ " THEN 'TERHENTI' ELSE i.status END FROM registry_import i WHERE i.id = :id FOR UPDATE")
				.param("id", id)
				.query(String.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("No import " + id));
			// A running import is refused, unless it stopped with its server (TERHENTI).
			if (!"SELESAI".equals(status) && !"GAGAL".equals(status) && !"TERHENTI".equals(status)) {
				throw new UndoRefused(status);
			}
			ImportStore.ImportRow before = this.store.find(id).orElseThrow();
			Long[] households = this.jdbc.sql("""
					SELECT household_id FROM intervention_received WHERE import_id = :id
					UNION SELECT household_id FROM desil_record WHERE import_id = :id""")
				.param("id", id)
				.query(Long.class)
				.list()
				.toArray(Long[]::new);
			this.jdbc.sql("DELETE FROM intervention_received WHERE import_id = :id").param("id", id).update();
			int desil = this.jdbc.sql("DELETE FROM desil_record WHERE import_id = :id").param("id", id).update();
			this.registry.recomputeHelped(households);
			if (desil > 0) {
				this.jdbc.sql(BatchWriter.currentDesil("x.id = ANY(:ids)")).param("ids", households).update();
			}
			this.jdbc.sql("""
					UPDATE registry_import SET status = 'DIBATALKAN', undone_by = :actor, undone_at = :now
					WHERE id = :id""").param("id", id).param("actor", actorId).param("now", utc(now)).update();
			Map<String, Object> was = new LinkedHashMap<>();
			was.put("status", before.status());
			was.put("rowsAdded", before.rowsAdded());
			this.audit.record(actorId, actorName, "REGISTRY_IMPORT", Long.toString(id), Action.DELETED, was,
					Map.of("status", "DIBATALKAN"), now);
		});
		removeOrphans(id);
	}

	/**
	 * The persons and households the import created that nothing refers to any more (no
	 * case, no intervention, no desil, no member). A reference this does not know of (a
	 * table added later) keeps the record: the delete fails as a whole and is logged.
	 */
	private void removeOrphans(long id) {
		try {
			this.transaction.executeWithoutResult((tx) -> {
				this.jdbc.sql("""
						DELETE FROM person p WHERE p.created_by_import = :id
						  AND NOT EXISTS (SELECT 1 FROM intervention_received r WHERE r.person_id = p.id)
						  AND NOT EXISTS (SELECT 1 FROM person_case c WHERE c.person_id = p.id)""")
					.param("id", id)
					.update();
				this.jdbc.sql("""
						DELETE FROM household h WHERE h.created_by_import = :id
						  AND NOT EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id)
						  AND NOT EXISTS (SELECT 1 FROM intervention_received r WHERE r.household_id = h.id)
						  AND NOT EXISTS (SELECT 1 FROM desil_record d WHERE d.household_id = h.id)""")
					.param("id", id)
					.update();
			});
		}
		catch (DataAccessException ex) {
			log.warn("Import {} undone; the persons and households it created are kept: {}", id, ex.getMessage());
		}
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, key, MESSAGES);
	}

	private static @Nullable String truncate(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return (value.length() > VALUE_MAX) ? value.substring(0, VALUE_MAX - 1) + "…" : value;
	}

	/** Uploads never mapped are removed after a day. */
	private void sweepOldFiles() {
		Instant old = Instant.now().minus(Duration.ofDays(1));
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, "*.upload")) {
			for (Path f : files) {
				if (Files.getLastModifiedTime(f).toInstant().isBefore(old)) {
					deleteQuietly(f);
				}
			}
		}
		catch (IOException ex) {
			log.debug("Could not sweep {}", this.directory, ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}", file, ex);
		}
	}

}
