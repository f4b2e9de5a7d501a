package id.ugdkemiskinan.sla;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The sweeper on real PostgreSQL with the injected clock moved by hand: no sleeping. */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=sla")
class SlaSweeperTests {

	@Autowired
	SlaSweeper sweeper;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Instant filedAt;

	@BeforeEach
	void everythingEarlierIsAlreadySwept() {
		// These cases are DARURAT (two flags), whose default is now 2 h: the timings
		// below
		// are of the four-hour promise, so this database's DARURAT policy keeps 4 h.
		this.jdbc.sql("UPDATE sla_policy SET response_minutes = 240 WHERE priority = 'DARURAT'").update();
		this.sweeper.sweep();
		this.filedAt = this.clock.instant();
	}

	@Test
	void atRiskAtThreeHoursBreachedJustAfterFourEscalatedAfterEight() throws Exception {
		long task = fileAndGetAssignment("KESEHATAN");

		sweepAt(Duration.ofHours(2).plusMinutes(59));
		assertThat(flags(task)).isEqualTo("-/-/-");
		assertThat(slaState(task)).isEqualTo("ON_TRACK");

		sweepAt(Duration.ofHours(3));
		assertThat(flags(task)).isEqualTo("3h00/-/-");
		assertThat(slaState(task)).isEqualTo("AT_RISK");

		sweepAt(Duration.ofHours(4));
		assertThat(flags(task)).as("due, not yet past due").isEqualTo("3h00/-/-");

		sweepAt(Duration.ofHours(4).plusSeconds(1));
		assertThat(flags(task)).isEqualTo("3h00/4h00/-");
		assertThat(slaState(task)).isEqualTo("BREACHED");

		sweepAt(Duration.ofHours(8));
		assertThat(flags(task)).isEqualTo("3h00/4h00/-");
		sweepAt(Duration.ofHours(8).plusSeconds(1));
		assertThat(flags(task)).isEqualTo("3h00/4h00/8h00");

		sweepAt(Duration.ofHours(12));
		assertThat(events(task)).containsExactly("AT_RISK@3h00", "BREACHED@4h00", "ESCALATED@8h00");
		// The default chain's one level (the leadership at due + 4 h) warns the dinas at
		// 75 % of its window (due + 3 h) that it is coming: the one new notification.
		assertThat(notified(task)).containsExactlyInAnyOrder("AT_RISK:dinkes", "BREACHED:dinkes",
				"BREACHED:sekretariat", "ESCALATION_AT_RISK:dinkes", "ESCALATED:pimpinan", "ROUTED:dinkes");
	}

	@Test
	void aResponseAtThreeFiftyNineIsNeverBreached() throws Exception {
		long task = fileAndGetAssignment("PENDIDIKAN");
		sweepAt(Duration.ofHours(3).plusMinutes(30));

		this.clock.set(this.filedAt.plus(Duration.ofHours(3).plusMinutes(59)));
		respond(task, "dindik");
		sweepAt(Duration.ofHours(9));

		assertThat(flags(task)).isEqualTo("3h00/-/-");
		assertThat(slaState(task)).isEqualTo("MET");
	}

	@Test
	void aResponseAtFourOhOneIsBreachedOnceThenMissed() throws Exception {
		long task = fileAndGetAssignment("BANTUAN_SOSIAL");
		sweepAt(Duration.ofHours(4).plusSeconds(30));

		this.clock.set(this.filedAt.plus(Duration.ofHours(4).plusMinutes(1)));
		respond(task, "dinsos");
		sweepAt(Duration.ofHours(5));
		sweepAt(Duration.ofHours(9));

		assertThat(events(task)).containsExactly("AT_RISK@3h00", "BREACHED@4h00");
		assertThat(slaState(task)).isEqualTo("MISSED");
	}

	@Test
	void afterTenHoursDownOneSweepRecordsEveryBreachAtItsTrueInstant() throws Exception {
		List<Long> tasks = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			tasks.add(fileAndGetAssignment("RUMAH_TIDAK_LAYAK_HUNI"));
			this.clock.advance(Duration.ofMinutes(37));
		}

		this.clock.set(this.filedAt.plus(Duration.ofHours(10)));
		SlaSweeper.Sweep sweep = this.sweeper.sweep();

		assertThat(sweep.breached()).isGreaterThanOrEqualTo(5);
		for (long task : tasks) {
			assertThat(this.jdbc.sql("""
					SELECT breached_at = due_at AND at_risk_at = at_risk_from AND breach_detected_at = :now
					       AND (escalated_at IS NULL) = (due_at + interval '4 hours' >= :now)
					       AND (escalated_at IS NULL OR escalated_at = due_at + interval '4 hours')
					FROM assignment WHERE id = :id""")
				.param("id", task)
				.param("now", Timestamp.from(this.clock.instant()))
				.query(Boolean.class)
				.single()).isTrue();
			assertThat(this.jdbc
				.sql("SELECT occurred_at = (SELECT due_at FROM assignment WHERE id = :id) FROM case_event "
						+ "WHERE assignment_id = :id AND type = 'BREACHED'")
				.param("id", task)
				.query(Boolean.class)
				.single()).isTrue();
		}
	}

	@Test
	void twoSweepersAtOnceRecordEachBreachAndNotificationExactlyOnce() throws Exception {
		Instant due = this.clock.instant().minus(Duration.ofMinutes(5));
		long caseId = fileAndGetCaseId();
		// Thousands of waiting assignments, all past due, spread over the dinas (closed
		// ones keep the one-open-per-dinas rule: each belongs to its own case).
		this.jdbc.sql("""
				WITH cases AS (
				    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
				        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
				    SELECT 'UGD-99-' || lpad(g::text, 6, '0'), 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', :desa,
				        'Alamat', 'Warga ' || g, 'Uji', 'LANGSUNG', 'Uji penyapu paralel', :assigned, u.id
				    FROM generate_series(1, 3000) g, (SELECT id FROM app_user WHERE username = 'upt.muncar') u
				    RETURNING id)
				INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from)
				SELECT id, 'DINKES', 'MENUNGGU_RESPON', :assigned, :due, :atRisk FROM cases""")
			.param("desa", CaseData.MUNCAR_DESA)
			.param("assigned", Timestamp.from(due.minus(Duration.ofHours(4))))
			.param("due", Timestamp.from(due))
			.param("atRisk", Timestamp.from(due.minus(Duration.ofHours(1))))
			.update();

		ExecutorService pool = Executors.newFixedThreadPool(3);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<SlaSweeper.Sweep>> sweeps = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				sweeps.add(pool.submit(() -> {
					start.await();
					return this.sweeper.sweep();
				}));
			}
			start.countDown();
			int breached = 0;
			for (Future<SlaSweeper.Sweep> sweep : sweeps) {
				breached += sweep.get(60, TimeUnit.SECONDS).breached();
			}
			assertThat(breached).as("breaches recorded by the three sweepers together").isEqualTo(3000);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc
			.sql("""
					SELECT count(*) FROM (SELECT e.assignment_id FROM case_event e JOIN case_file c ON c.id = e.case_id
					WHERE c.ticket LIKE 'UGD-99-%' AND e.type = 'BREACHED' GROUP BY e.assignment_id HAVING count(*) = 1) once""")
			.query(Long.class)
			.single()).isEqualTo(3000);
		long recipients = this.jdbc
			.sql("""
					SELECT count(*) FROM app_user WHERE enabled AND (role = 'SEKRETARIAT' OR (role = 'PETUGAS_DINAS' AND dinas_code = 'DINKES'))""")
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM notification n JOIN case_file c ON c.id = n.case_id
				WHERE c.ticket LIKE 'UGD-99-%' AND n.kind = 'BREACHED'""").query(Long.class).single())
			.isEqualTo(3000 * recipients);
		assertThat(caseId).isPositive();
	}

	@Test
	void theBreachQueryReadsThePartialIndexOverWaitingAssignments() {
		List<String> plan = this.jdbc.sql("""
				EXPLAIN SELECT id FROM assignment
				WHERE status = 'MENUNGGU_RESPON' AND breached_at IS NULL AND due_at < now()
				ORDER BY due_at LIMIT 500 FOR UPDATE SKIP LOCKED""").query(String.class).list();
		assertThat(String.join("\n", plan)).contains("assignment_sweep_breach");
	}

	@Test
	void theDinasSeesItInTheBellAndTheSecretariatSeesTheBreach() throws Exception {
		long task = fileAndGetAssignment("EKONOMI_PEKERJAAN");
		sweepAt(Duration.ofHours(4).plusMinutes(1));

		String bell = this.mvc.perform(get("/notifikasi").cookie(Logins.login(this.mvc, "bpmd")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(bell).contains("Penugasan BPMD melewati batas waktu respon", "Penugasan BPMD berisiko terlambat",
				"Penugasan baru untuk BPMD");
		String secretariat = this.mvc.perform(get("/notifikasi").cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(secretariat).contains("Penugasan BPMD melewati batas waktu respon");
		assertThat(task).isPositive();
	}

	private void sweepAt(Duration sinceFiling) {
		this.clock.set(this.filedAt.plus(sinceFiling));
		this.sweeper.sweep();
	}

	private long fileAndGetCaseId() throws Exception {
		String location = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(CaseData.json(CaseData.nik(), "LAINNYA")))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return this.jdbc.sql("SELECT id FROM case_file WHERE ticket = :t")
			.param("t", location.substring("/api/v1/cases/".length()))
			.query(Long.class)
			.single();
	}

	private long fileAndGetAssignment(String category) throws Exception {
		String location = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(CaseData.json(CaseData.nik(), category)))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return this.jdbc.sql("""
				SELECT a.id FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t""")
			.param("t", location.substring("/api/v1/cases/".length()))
			.query(Long.class)
			.single();
	}

	private void respond(long task, String username) throws Exception {
		this.mvc
			.perform(post("/api/v1/assignments/" + task + "/response").with(httpBasic(username, Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"Petugas mendatangi rumah warga sekarang.\"}"))
			.andExpect(status().isOk());
	}

	/** at risk / breached / escalated, each as hours since filing or "-". */
	private String flags(long task) {
		return this.jdbc.sql("SELECT at_risk_at, breached_at, escalated_at FROM assignment WHERE id = :id")
			.param("id", task)
			.query((rs, n) -> since(rs.getObject(1, OffsetDateTime.class)) + "/"
					+ since(rs.getObject(2, OffsetDateTime.class)) + "/" + since(rs.getObject(3, OffsetDateTime.class)))
			.single();
	}

	private List<String> events(long task) {
		return this.jdbc
			.sql("""
					SELECT type, occurred_at FROM case_event WHERE assignment_id = :id AND type IN ('AT_RISK', 'BREACHED', 'ESCALATED')
					ORDER BY occurred_at, id""")
			.param("id", task)
			.query((rs, n) -> rs.getString(1) + "@" + since(rs.getObject(2, OffsetDateTime.class)))
			.list();
	}

	private List<String> notified(long task) {
		return this.jdbc.sql("""
				SELECT n.kind || ':' || u.username FROM notification n JOIN case_event e ON e.id = n.event_id
				JOIN app_user u ON u.id = n.user_id WHERE e.assignment_id = :id""")
			.param("id", task)
			.query(String.class)
			.list();
	}

	private String slaState(long task) throws Exception {
		String ticket = this.jdbc
			.sql("SELECT c.ticket FROM case_file c JOIN assignment a ON a.case_id = c.id WHERE a.id = :id")
			.param("id", task)
			.query(String.class)
			.single();
		return this.mvc.perform(get("/api/v1/cases/" + ticket).with(httpBasic("sekretariat", Logins.DEMO_PASSWORD)))
			.andExpect(jsonPath("$.assignments[0].id").value(task))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*\"slaState\":\"([A-Z_]+)\".*", "$1");
	}

	private String since(OffsetDateTime instant) {
		if (instant == null) {
			return "-";
		}
		Duration elapsed = Duration.between(this.filedAt, instant.toInstant());
		return String.format("%dh%02d", elapsed.toHours(), elapsed.toMinutesPart());
	}

}
