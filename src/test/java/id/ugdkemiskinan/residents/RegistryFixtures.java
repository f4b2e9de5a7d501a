package id.ugdkemiskinan.residents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.residents.registry.RegistryWriter;
import id.ugdkemiskinan.support.CaseData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static id.ugdkemiskinan.common.SqlTime.utc;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The registry's rows for tests, written the way the app writes them (RegistryWriter's
 * upserts, so that a case's own link to its person, made when it is filed, is the same
 * row), with fresh NIKs, KKs, phones and name words each time.
 */
final class RegistryFixtures {

	private static final AtomicInteger SERIAL = new AtomicInteger(1);

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final RegistryWriter writer;

	private final TransactionTemplate tx;

	RegistryFixtures(MockMvc mvc, JdbcClient jdbc, RegistryWriter writer, TransactionTemplate tx) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.writer = writer;
		this.tx = tx;
	}

	/** Eight letters never handed out before in this run (a name or address word). */
	static String word() {
		StringBuilder word = new StringBuilder();
		int n = SERIAL.getAndIncrement();
		for (int i = 0; i < 4; i++) {
			word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		for (int i = 0; i < 4; i++) {
			word.append((char) ('a' + (n % 26)));
			n /= 26;
		}
		return word.toString();
	}

	/** A 16-digit KK never handed out before in this run. */
	static String kk() {
		return String.format("35100512%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** A local phone number (08…) never handed out before in this run. */
	static String phone() {
		return String.format("0857%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** Files a case through the form (as the operator given) and returns its ticket. */
	String fileCase(Cookie operator, String nik, String desa, String... categories) throws Exception {
		MvcResult result = this.mvc
			.perform(CaseData.form(nik, Map.of("confirmDuplicate", "true", "desaCode", desa), categories)
				.cookie(operator)
				.with(csrf()))
			.andReturn();
		return result.getResponse().getRedirectedUrl().substring("/kasus/".length());
	}

	/** Files a case of a resident without NIK (no KTP) and returns its ticket. */
	String fileCaseWithoutNik(Cookie operator, String desa, String... categories) throws Exception {
		MvcResult result = this.mvc
			.perform(
					CaseData.form("tanpa-nik-" + word(),
							Map.of("confirmDuplicate", "true", "desaCode", desa, "nik", "", "nikUnknown", "true",
									"nikUnknownReason", "KTP hilang"),
							categories)
						.cookie(operator)
						.with(csrf()))
			.andReturn();
		return result.getResponse().getRedirectedUrl().substring("/kasus/".length());
	}

	long caseId(String ticket) {
		return this.jdbc.sql("SELECT id FROM case_file WHERE ticket = :t")
			.param("t", ticket)
			.query(Long.class)
			.single();
	}

	long household(String kk, String desa, String address) {
		return this.tx.execute(s -> this.writer.household(kk, desa, address));
	}

	long person(String nik, String reason, String name, String phone, String desa, String address, long household) {
		return this.tx.execute(s -> this.writer.person(nik, reason, name, phone, desa, address, household));
	}

	/** Links the case's beneficiary to the person (replacing a link made at filing). */
	void link(String ticket, long person, String by) {
		this.jdbc.sql("""
				INSERT INTO person_case (case_id, person_id, linked_by, linked_at) VALUES (:c, :p, :by, :now)
				ON CONFLICT (case_id) DO UPDATE SET person_id = EXCLUDED.person_id, linked_by = EXCLUDED.linked_by""")
			.param("c", caseId(ticket))
			.param("p", person)
			.param("by", by)
			.param("now", utc(Instant.now()))
			.update();
	}

	/** A finished import of a programme list. */
	long importOf(String source, String filename) {
		return this.jdbc.sql("""
				INSERT INTO registry_import (source_code, filename, content_sha256, status, total_bytes, started_by,
				                             started_at, finished_at)
				VALUES (:source, :file, md5(:file || random()) || md5(random()::text), 'SELESAI', 1000,
				        (SELECT id FROM app_user WHERE username = 'sekretariat'), TIMESTAMPTZ '2025-03-02 09:00+07',
				        TIMESTAMPTZ '2025-03-02 09:01+07')
				RETURNING id""").param("source", source).param("file", filename).query(Long.class).single();
	}

	/** An imported row: the household (and the person, if given) received it that day. */
	void imported(long importId, long household, Long person, String intervention, LocalDate day) {
		this.jdbc.sql("""
				INSERT INTO intervention_received (household_id, person_id, intervention_code, received_on, import_id,
				                                   recorded_at)
				VALUES (:h, :p, :i, :day, :import, now())""")
			.param("h", household)
			.param("p", person)
			.param("i", intervention)
			.param("day", day)
			.param("import", importId)
			.update();
	}

	/** A case's resolution as received (as the lead's listener records it). */
	void resolvedAs(String ticket, String dinas, long household, long person, String intervention, LocalDate day) {
		this.jdbc.sql("""
				INSERT INTO intervention_received (household_id, person_id, intervention_code, received_on, case_id,
				                                   assignment_id, recorded_at)
				SELECT :h, :p, :i, :day, c.id, max(a.id), now() FROM case_file c JOIN assignment a ON a.case_id = c.id
				WHERE c.ticket = :t AND a.dinas_code = :d GROUP BY c.id
				ON CONFLICT (assignment_id) DO NOTHING""")
			.param("h", household)
			.param("p", person)
			.param("i", intervention)
			.param("day", day)
			.param("t", ticket)
			.param("d", dinas)
			.update();
	}

	void desil(long household, int desil, String source, LocalDate asOf, boolean current) {
		this.jdbc.sql("""
				INSERT INTO desil_record (household_id, desil, source, as_of, recorded_at)
				VALUES (:h, :desil, :source, :asOf, now())""")
			.param("h", household)
			.param("desil", desil)
			.param("source", source)
			.param("asOf", asOf)
			.update();
		if (current) {
			this.jdbc
				.sql("UPDATE household SET desil = :desil, desil_source = :source, desil_as_of = :asOf WHERE id = :h")
				.param("h", household)
				.param("desil", desil)
				.param("source", source)
				.param("asOf", asOf)
				.update();
		}
	}

	long assignmentId(String ticket, String dinas) {
		return this.jdbc.sql("""
				SELECT max(a.id) FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE c.ticket = :t AND a.dinas_code = :d""")
			.param("t", ticket)
			.param("d", dinas)
			.query(Long.class)
			.single();
	}

	long userId(String username) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

}
