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

import id.ugdkemiskinan.common.Formats;
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
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A three-level escalation chain on real PostgreSQL with the injected clock: level 1
 * "Sekretariat" at the due time (role SEKRETARIAT), level 2 "Asisten/Sekda" 2 h later (a
 * named account only), level 3 "Bupati" 4 h after due (role PIMPINAN). Cases are filed at
 * 0 h with a 4-hour promise, so due = 4 h.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_escalation")
class EscalationChainTests {

	@Autowired
	SlaSweeper sweeper;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	Formats formats;

	Instant filedAt;

	@BeforeEach
	void aThreeLevelChainAndEverythingEarlierSwept() {
		this.jdbc.sql("UPDATE sla_policy SET response_minutes = 240 WHERE priority = 'DARURAT'").update();
		this.jdbc.sql("""
				INSERT INTO app_user (username, full_name, password_hash, role, created_at)
				SELECT 'sekda', 'Sekretaris Daerah', password_hash, 'PIMPINAN', created_at FROM app_user
				WHERE username = 'pimpinan' ON CONFLICT DO NOTHING""").update();
		chain("""
				INSERT INTO escalation_level (level, name, after_minutes, at_risk_percent) VALUES
				  (1, 'Sekretariat', 0, 50), (2, 'Asisten/Sekda', 120, 75), (3, 'Bupati', 240, 50)""");
		this.jdbc.sql("""
				INSERT INTO escalation_recipient (level, role, user_id)
				SELECT 1, 'SEKRETARIAT', NULL UNION ALL
				SELECT 2, NULL, id FROM app_user WHERE username = 'sekda' UNION ALL
				SELECT 3, 'PIMPINAN', NULL""").update();
		this.clock.advance(Duration.ofDays(2));
		this.sweeper.sweep();
		this.filedAt = this.clock.instant();
	}

	@Test
	void eachLevelOnceAtItsOwnInstantWithItsWarningToItsRecipients() throws Exception {
		long task = fileAndGetAssignment("KESEHATAN");

		sweepAt(Duration.ofHours(4));
		assertThat(events(task)).containsExactly("AT_RISK@3h00");

		sweepAt(Duration.ofHours(4).plusSeconds(1));
		assertThat(events(task)).containsExactly("AT_RISK@3h00", "BREACHED@4h00", "ESCALATED 1@4h00");
		assertThat(next(task)).as("level 2's warning: 75 % of its 2-hour window").isEqualTo("5h30");

		sweepAt(Duration.ofHours(5).plusMinutes(30));
		assertThat(events(task)).hasSize(3);
		sweepAt(Duration.ofHours(5).plusMinutes(30).plusSeconds(1));
		assertThat(events(task)).endsWith("ESCALATION_AT_RISK 2@5h30");
		sweepAt(Duration.ofHours(6).plusSeconds(1));
		assertThat(events(task)).endsWith("ESCALATED 2@6h00");
		sweepAt(Duration.ofHours(7).plusSeconds(1));
		assertThat(events(task)).endsWith("ESCALATION_AT_RISK 3@7h00");
		sweepAt(Duration.ofHours(8).plusSeconds(1));
		sweepAt(Duration.ofHours(20));

		assertThat(events(task)).containsExactly("AT_RISK@3h00", "BREACHED@4h00", "ESCALATED 1@4h00",
				"ESCALATION_AT_RISK 2@5h30", "ESCALATED 2@6h00", "ESCALATION_AT_RISK 3@7h00", "ESCALATED 3@8h00");
		assertThat(notified(task)).containsExactlyInAnyOrder("ROUTED:dinkes", "AT_RISK:dinkes", "BREACHED:dinkes",
				"BREACHED:sekretariat", "ESCALATED 1:sekretariat", "ESCALATION_AT_RISK 2:dinkes", "ESCALATED 2:sekda",
				"ESCALATION_AT_RISK 3:dinkes", "ESCALATED 3:pimpinan", "ESCALATED 3:sekda");
		assertThat(this.jdbc
			.sql("SELECT escalation_level || '/' || coalesce(next_escalation_at::text, '-') "
					+ "FROM assignment WHERE id = :id")
			.param("id", task)
			.query(String.class)
			.single()).isEqualTo("3/-");
		String timeline = this.mvc.perform(get("/kasus/" + ticket(task)).cookie(Logins.login(this.mvc, "pimpinan")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(timeline).contains("Penugasan Dinas Kesehatan dieskalasi", "Level 2: Asisten/Sekda",
				"Level 3: Bupati", "Penugasan Dinas Kesehatan hampir dieskalasi");
	}

	@Test
	void theCasePageAndTheBreachBoardShowWhichClockTheAssignmentIsOn() throws Exception {
		long task = fileAndGetAssignment("KESEHATAN");
		sweepAt(Duration.ofHours(5));

		String page = this.mvc.perform(get("/kasus/" + ticket(task)).cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String levelTwoAt = this.formats.dateTime(this.filedAt.plus(Duration.ofHours(6)));
		assertThat(page).contains("eskalasi level 1 (Sekretariat)",
				"level 2 (Asisten/Sekda) pukul " + levelTwoAt + " WIB");
		String board = this.mvc.perform(get("/dasbor").cookie(Logins.login(this.mvc, "pimpinan")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(board).contains("eskalasi level 1 (Sekretariat)");
	}

	@Test
	void eachLevelsEmailGoesToItsRecipientsOnly() throws Exception {
		this.jdbc.sql("""
				UPDATE app_user SET email = username || '@ugd.test'
				WHERE username IN ('sekretariat', 'pimpinan', 'sekda', 'dinsos')""").update();
		long task = fileAndGetAssignment("BANTUAN_SOSIAL");
		sweepAt(Duration.ofHours(9));
		String ticket = ticket(task);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(escalationEmails(ticket)).containsExactlyInAnyOrder(
					"1:sekretariat@ugd.test", "2:sekda@ugd.test", "3:pimpinan@ugd.test", "3:sekda@ugd.test"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM delivery WHERE ticket = :t AND kind = 'ESCALATION_AT_RISK'")
			.param("t", ticket)
			.query(Long.class)
			.single()).as("the warning before a level is in the bell only").isZero();
	}

	private List<String> escalationEmails(String ticket) {
		return this.jdbc.sql("""
				SELECT (params ->> 'escalationLevel') || ':' || recipient FROM delivery
				WHERE ticket = :t AND kind = 'ESCALATED' AND channel = 'EMAIL'""")
			.param("t", ticket)
			.query(String.class)
			.list();
	}

	@Test
	void aResponseStopsTheLevelsStillToCome() throws Exception {
		long task = fileAndGetAssignment("PENDIDIKAN");
		sweepAt(Duration.ofHours(5));

		this.clock.set(this.filedAt.plus(Duration.ofHours(5).plusMinutes(10)));
		respond(task, "dindik");
		sweepAt(Duration.ofHours(12));

		assertThat(events(task)).containsExactly("AT_RISK@3h00", "BREACHED@4h00", "ESCALATED 1@4h00");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM assignment_escalation WHERE assignment_id = :id " + "AND escalated_at IS NULL")
			.param("id", task)
			.query(Long.class)
			.single()).as("levels 2 and 3 stay unrecorded").isEqualTo(2);
	}

	@Test
	void afterADayDownOneSweepRecordsEveryLevelOnceAtItsOwnInstantInOrder() throws Exception {
		long task = fileAndGetAssignment("BANTUAN_SOSIAL");

		this.clock.set(this.filedAt.plus(Duration.ofHours(26)));
		this.sweeper.sweep();
		this.sweeper.sweep();

		List<String> byId = this.jdbc.sql("""
				SELECT type || coalesce(' ' || escalation_level, '') FROM case_event
				WHERE assignment_id = :id AND detected_at IS NOT NULL ORDER BY id""")
			.param("id", task)
			.query(String.class)
			.list();
		assertThat(byId).containsExactly("AT_RISK", "BREACHED", "ESCALATED 1", "ESCALATION_AT_RISK 2", "ESCALATED 2",
				"ESCALATION_AT_RISK 3", "ESCALATED 3");
		assertThat(events(task)).containsExactly("AT_RISK@3h00", "BREACHED@4h00", "ESCALATED 1@4h00",
				"ESCALATION_AT_RISK 2@5h30", "ESCALATED 2@6h00", "ESCALATION_AT_RISK 3@7h00", "ESCALATED 3@8h00");
		assertThat(this.jdbc.sql("""
				SELECT bool_and(detected_at = :now AND escalated_at = due_at) FROM assignment_escalation
				WHERE assignment_id = :id""")
			.param("id", task)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aLevelEditedAfterTheBreachNeverMovesWhatWasFixedForIt() throws Exception {
		long before = fileAndGetAssignment("RUMAH_TIDAK_LAYAK_HUNI");
		sweepAt(Duration.ofHours(4).plusMinutes(1));

		// Level 2 now comes 1 hour after due, and is named otherwise.
		this.jdbc.sql("UPDATE escalation_level SET after_minutes = 60, name = 'Asisten I' WHERE level = 2").update();
		this.clock.set(this.filedAt.plus(Duration.ofHours(4).plusMinutes(2)));
		long after = fileAndGetAssignment("EKONOMI_PEKERJAAN");
		sweepAt(Duration.ofHours(5).plusMinutes(10));
		assertThat(events(before)).doesNotContain("ESCALATED 2@5h00");

		sweepAt(Duration.ofHours(15));
		assertThat(events(before)).contains("ESCALATED 2@6h00").doesNotContain("ESCALATED 2@5h00");
		assertThat(this.jdbc.sql("SELECT name FROM assignment_escalation WHERE assignment_id = :id AND level = 2")
			.param("id", before)
			.query(String.class)
			.single()).isEqualTo("Asisten/Sekda");
		// The assignment made after the change breaches at 8 h 02 and takes the chain in
		// force then: level 2 at 9 h 02.
		assertThat(events(after)).contains("ESCALATED 2@9h02");
		assertThat(this.jdbc.sql("SELECT name FROM assignment_escalation WHERE assignment_id = :id AND level = 2")
			.param("id", after)
			.query(String.class)
			.single()).isEqualTo("Asisten I");
	}

	@Test
	void aDeactivatedLevelIsSkippedByAssignmentsBreachedAfterwards() throws Exception {
		this.jdbc.sql("UPDATE escalation_level SET active = false WHERE level = 2").update();
		long task = fileAndGetAssignment("KESEHATAN");
		sweepAt(Duration.ofHours(20));

		// Level 3's window now runs from level 1 (the due time): warned at 50 % of 4 h.
		assertThat(events(task)).containsExactly("AT_RISK@3h00", "BREACHED@4h00", "ESCALATED 1@4h00",
				"ESCALATION_AT_RISK 3@6h00", "ESCALATED 3@8h00");
	}

	@Test
	void threeSweepersAtOnceRecordEachLevelAndNotificationExactlyOnce() throws Exception {
		int count = 900;
		Instant due = this.clock.instant().minus(Duration.ofHours(10));
		this.jdbc.sql("""
				WITH cases AS (
				    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
				        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
				    SELECT 'UGD-98-' || lpad(g::text, 6, '0'), 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', :desa,
				        'Alamat', 'Warga ' || g, 'Uji', 'LANGSUNG', 'Uji eskalasi paralel', :assigned, u.id
				    FROM generate_series(1, :count) g, (SELECT id FROM app_user WHERE username = 'upt.muncar') u
				    RETURNING id)
				INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from)
				SELECT id, 'DINSOS', 'MENUNGGU_RESPON', :assigned, :due, :atRisk FROM cases""")
			.param("desa", CaseData.MUNCAR_DESA)
			.param("count", count)
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
			for (Future<SlaSweeper.Sweep> sweep : sweeps) {
				sweep.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
		}
		this.sweeper.sweep();

		assertThat(this.jdbc.sql("""
				SELECT e.type || coalesce(' ' || e.escalation_level, '') || ' x' || count(*) FROM case_event e
				JOIN case_file c ON c.id = e.case_id
				WHERE c.ticket LIKE 'UGD-98-%' AND e.type IN ('ESCALATED', 'ESCALATION_AT_RISK')
				GROUP BY e.type, e.escalation_level, e.assignment_id
				HAVING count(*) <> 1""").query(String.class).list()).as("no level recorded twice").isEmpty();
		assertThat(this.jdbc.sql("""
				SELECT e.type || ' ' || e.escalation_level || ':' || count(*) FROM case_event e
				JOIN case_file c ON c.id = e.case_id
				WHERE c.ticket LIKE 'UGD-98-%' AND e.type IN ('ESCALATED', 'ESCALATION_AT_RISK')
				GROUP BY e.type, e.escalation_level ORDER BY 1""").query(String.class).list()).containsExactly(
				"ESCALATED 1:" + count, "ESCALATED 2:" + count, "ESCALATED 3:" + count, "ESCALATION_AT_RISK 2:" + count,
				"ESCALATION_AT_RISK 3:" + count);
		long leaders = this.jdbc.sql("SELECT count(*) FROM app_user WHERE enabled AND role = 'PIMPINAN'")
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM notification n JOIN case_event e ON e.id = n.event_id
				JOIN case_file c ON c.id = n.case_id
				WHERE c.ticket LIKE 'UGD-98-%' AND n.kind = 'ESCALATED' AND e.escalation_level = 3""")
			.query(Long.class)
			.single()).isEqualTo(count * leaders);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM notification n JOIN case_event e ON e.id = n.event_id
				JOIN case_file c ON c.id = n.case_id JOIN app_user u ON u.id = n.user_id
				WHERE c.ticket LIKE 'UGD-98-%' AND n.kind = 'ESCALATED' AND e.escalation_level = 2""")
			.query(Long.class)
			.single()).as("level 2: the named account only").isEqualTo(count);
	}

	@Test
	void anIdleSweepReadsOnlyThePartialIndexOfWaitingChains() {
		List<String> plan = this.jdbc.sql("""
				EXPLAIN SELECT id FROM assignment
				WHERE status = 'MENUNGGU_RESPON' AND next_escalation_at IS NOT NULL AND next_escalation_at < now()
				ORDER BY next_escalation_at LIMIT 500 FOR UPDATE SKIP LOCKED""").query(String.class).list();
		assertThat(String.join("\n", plan)).contains("assignment_sweep_escalation_chain");
	}

	private void chain(String levels) {
		this.jdbc.sql("DELETE FROM escalation_recipient").update();
		this.jdbc.sql("DELETE FROM escalation_level").update();
		this.jdbc.sql(levels).update();
	}

	private void sweepAt(Duration sinceFiling) {
		this.clock.set(this.filedAt.plus(sinceFiling));
		this.sweeper.sweep();
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

	private String ticket(long task) {
		return this.jdbc.sql("SELECT c.ticket FROM case_file c JOIN assignment a ON a.case_id = c.id WHERE a.id = :id")
			.param("id", task)
			.query(String.class)
			.single();
	}

	private void respond(long task, String username) throws Exception {
		this.mvc
			.perform(post("/api/v1/assignments/" + task + "/response").with(httpBasic(username, Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"Petugas mendatangi rumah warga sekarang.\"}"))
			.andExpect(status().isOk());
	}

	/** The sweeper's events, "TYPE[ level]@hours since filing", in time order. */
	private List<String> events(long task) {
		return this.jdbc.sql("""
				SELECT type || coalesce(' ' || escalation_level, ''), occurred_at FROM case_event
				WHERE assignment_id = :id AND detected_at IS NOT NULL ORDER BY occurred_at, id""")
			.param("id", task)
			.query((rs, n) -> rs.getString(1) + "@" + since(rs.getObject(2, OffsetDateTime.class)))
			.list();
	}

	private String next(long task) {
		return this.jdbc.sql("SELECT next_escalation_at FROM assignment WHERE id = :id")
			.param("id", task)
			.query((rs, n) -> since(rs.getObject(1, OffsetDateTime.class)))
			.single();
	}

	private List<String> notified(long task) {
		return this.jdbc
			.sql("""
					SELECT n.kind || coalesce(' ' || e.escalation_level, '') || ':' || u.username FROM notification n
					JOIN case_event e ON e.id = n.event_id JOIN app_user u ON u.id = n.user_id WHERE e.assignment_id = :id""")
			.param("id", task)
			.query(String.class)
			.list();
	}

	private String since(OffsetDateTime instant) {
		if (instant == null) {
			return "-";
		}
		Duration elapsed = Duration.between(this.filedAt, instant.toInstant());
		return String.format("%dh%02d", elapsed.toHours(), elapsed.toMinutesPart());
	}

}
