package id.ugdkemiskinan.residents.imports;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import id.ugdkemiskinan.common.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.instant;

/**
 * The imports' own reads and small writes: the sources and their saved mappings, the list
 * of imports, one import's progress and its error rows. Imports hold no personal data of
 * their own beyond the error rows' values, which only the secretariat and the admin see.
 */
@Component
class ImportStore {

	private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
	};

	/** One import as the list and its page show it. */
	public record ImportRow(long id, String sourceCode, String sourceName, String filename, String sha256,
			String status, long totalBytes, long readBytes, int rowsRead, int rowsAdded, int rowsUnchanged,
			int rowsFailed, @Nullable String failure, String startedBy, Instant startedAt, @Nullable Instant finishedAt,
			@Nullable String undoneBy, @Nullable Instant undoneAt, @Nullable LocalDate asOf, boolean stale) {

		/** Running, and not stopped with its server (see {@link #stale}). */
		public boolean running() {
			return "BERJALAN".equals(this.status) && !this.stale;
		}

		public boolean undoable() {
			return "SELESAI".equals(this.status) || "GAGAL".equals(this.status) || this.stale;
		}

		/** Per cent read, 0..100. */
		public int percent() {
			if (!running()) {
				return 100;
			}
			return (this.totalBytes <= 0) ? 0 : (int) Math.min(100, this.readBytes * 100 / this.totalBytes);
		}

	}

	/** One error row of the report. */
	public record ErrorRow(int rowNumber, @Nullable String field, @Nullable String value, String message) {
	}

	/**
	 * A running import that gave no sign of life (a batch) for 10 minutes: it stopped
	 * with its server.
	 */
	static final String STALE = "(i.status = 'BERJALAN' AND coalesce(i.heartbeat_at, i.started_at) < now() - interval '10 minutes')";

	private static final String SELECT = """
			SELECT i.id, i.source_code, s.name AS source_name, i.filename, i.content_sha256, i.status, i.total_bytes,
			       i.read_bytes, i.rows_read, i.rows_added, i.rows_unchanged, i.rows_failed, i.failure,
			       u.username AS started_by, i.started_at, i.finished_at, v.username AS undone_by, i.undone_at, i.as_of,
			       %s AS stale
			FROM registry_import i JOIN import_source s ON s.code = i.source_code
			JOIN app_user u ON u.id = i.started_by LEFT JOIN app_user v ON v.id = i.undone_by""".formatted(STALE);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ImportStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(readOnly = true)
	List<ImportSource> sources() {
		return this.jdbc
			.sql("""
					SELECT code, kind, name, intervention_code, provider_code, CAST(column_mapping AS text) AS mapping, version
					FROM import_source WHERE active ORDER BY kind DESC, name""")
			.query((rs, n) -> source(rs))
			.list();
	}

	@Transactional(readOnly = true)
	Optional<ImportSource> source(String code) {
		return this.jdbc
			.sql("""
					SELECT code, kind, name, intervention_code, provider_code, CAST(column_mapping AS text) AS mapping, version
					FROM import_source WHERE active AND code = :code""")
			.param("code", code)
			.query((rs, n) -> source(rs))
			.optional();
	}

	private ImportSource source(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, String> mapping = this.json.readValue(rs.getString("mapping"), MAPPING);
		return new ImportSource(rs.getString("code"), rs.getString("kind"), rs.getString("name"),
				rs.getString("intervention_code"), rs.getString("provider_code"), mapping, rs.getLong("version"));
	}

	/** Saves the mapping used (target field to heading) as the source's for next time. */
	@Transactional
	void saveMapping(String code, Map<ImportField, String> mapping) {
		Map<String, String> byKey = new LinkedHashMap<>();
		mapping.forEach((field, heading) -> byKey.put(field.key(), heading));
		this.jdbc.sql("""
				UPDATE import_source SET column_mapping = CAST(:mapping AS jsonb), version = version + 1
				WHERE code = :code""")
			.param("code", code)
			.param("mapping", this.json.writeValueAsString(byKey))
			.update();
	}

	@Transactional(readOnly = true)
	List<ImportRow> page(Paging paging) {
		return this.jdbc.sql(SELECT + " ORDER BY i.started_at DESC, i.id DESC LIMIT :limit OFFSET :offset")
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> row(rs))
			.list();
	}

	@Transactional(readOnly = true)
	long count() {
		return this.jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM registry_import LIMIT 10001) c")
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	Optional<ImportRow> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE i.id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
	}

	/** When this file was last fully imported before (not undone), if it was. */
	@Transactional(readOnly = true)
	Optional<Instant> earlier(String sha256, long beforeId) {
		return this.jdbc.sql("""
				SELECT finished_at FROM registry_import
				WHERE status = 'SELESAI' AND content_sha256 = :sha AND id <> :id
				ORDER BY finished_at DESC LIMIT 1""")
			.param("sha", sha256)
			.param("id", beforeId)
			.query((rs, n) -> instant(rs, "finished_at"))
			.optional();
	}

	@Transactional(readOnly = true)
	List<ErrorRow> errors(long id, int limit) {
		return this.jdbc.sql("""
				SELECT row_number, field, value, message FROM import_row_error WHERE import_id = :id
				ORDER BY row_number, message LIMIT :limit""")
			.param("id", id)
			.param("limit", limit)
			.query(ErrorRow.class)
			.list();
	}

	/**
	 * The error report, streamed as CSV (UTF-8 with BOM, for Excel), read in chunks
	 * outside any transaction (the response may be committed, and the session saved,
	 * while it is written).
	 */
	void writeErrors(long id, List<String> header, Writer out) throws IOException {
		out.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL);
		printer.printRecord(header);
		int afterRow = -1;
		String afterMessage = "";
		while (true) {
			List<ErrorRow> chunk = this.jdbc.sql("""
					SELECT row_number, field, value, message FROM import_row_error
					WHERE import_id = :id AND (row_number, message) > (:row, :message)
					ORDER BY row_number, message LIMIT 5000""")
				.param("id", id)
				.param("row", afterRow)
				.param("message", afterMessage)
				.query(ErrorRow.class)
				.list();
			for (ErrorRow e : chunk) {
				printer.printRecord(e.rowNumber(), e.field(), safe(e.value()), e.message());
			}
			if (chunk.size() < 5000) {
				break;
			}
			afterRow = chunk.get(chunk.size() - 1).rowNumber();
			afterMessage = chunk.get(chunk.size() - 1).message();
		}
		printer.flush();
	}

	/** A value that Excel would run as a formula is written as text. */
	private static @Nullable String safe(@Nullable String value) {
		if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

	private static ImportRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.sql.Date asOf = rs.getDate("as_of");
		return new ImportRow(rs.getLong("id"), rs.getString("source_code"), rs.getString("source_name"),
				rs.getString("filename"), rs.getString("content_sha256"), rs.getString("status"),
				rs.getLong("total_bytes"), rs.getLong("read_bytes"), rs.getInt("rows_read"), rs.getInt("rows_added"),
				rs.getInt("rows_unchanged"), rs.getInt("rows_failed"), rs.getString("failure"),
				rs.getString("started_by"), instant(rs, "started_at"), instant(rs, "finished_at"),
				rs.getString("undone_by"), instant(rs, "undone_at"), (asOf != null) ? asOf.toLocalDate() : null,
				rs.getBoolean("stale"));
	}

}
