package id.ugdkemiskinan.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.sla.SlaSweeper;
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
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Holds ("menunggu dokumen/warga") on real PostgreSQL with the injected clock: only after
 * the first response, by the assignment's own dinas, with a reason; resumed, ended by a
 * resolution or a return, and at their limit by the sweep, once, with the secretariat
 * told once, also with three sweepers at once and after downtime.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_hold")
class HoldTests {

	static final String REASON = "Menunggu fotokopi KK dari warga.";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SlaSweeper sweeper;

	@BeforeEach
	void defaultLimitAndNothingLeftToSweep() {
		this.jdbc.sql("UPDATE sla_hold_setting SET max_minutes = 4320").update();
		this.sweeper.sweep();
	}

	@Test
	void aWaitingAssignmentCannotBeHeldTheResponseClockRunsOn() throws Exception {
		long task = file("KESEHATAN");

		api("dinkes", task, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("jam respon 4 jam tidak dapat dihentikan")));
		this.mvc
			.perform(post("/penugasan/{id}/tahan", task).param("reason", REASON)
				.cookie(Logins.login(this.mvc, "dinkes"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("actionError",
					"Penugasan belum direspon: jam respon 4 jam tidak dapat dihentikan."));
		assertThat(holds(task)).isZero();
		assertThat(page("dinkes", ticket(task))).doesNotContain("Tahan (menunggu dokumen/warga)");
	}

	@Test
	void theOwnDinasHoldsARespondedAssignmentWithAReasonAndResumesIt() throws Exception {
		long task = respondedTask("KESEHATAN", "dinkes");
		String ticket = ticket(task);
		Cookie dinkes = Logins.login(this.mvc, "dinkes");
		assertThat(page("dinkes", ticket)).contains("Tahan (menunggu dokumen/warga)", "Paling lama 72 jam");
		long version = version(task);

		this.mvc
			.perform(post("/penugasan/{id}/tahan", task).param("version", String.valueOf(version))
				.param("reason", "  " + REASON + " ")
				.cookie(dinkes)
				.with(csrf()))
			.andExpect(redirectedUrl("/kasus/" + ticket))
			.andExpect(flash().attribute("flashSuccess", "hold.held"));

		Instant now = this.clock.instant();
		assertThat(this.jdbc.sql("""
				SELECT reason = :reason AND abs(extract(epoch FROM started_at - :now)) < 0.001
				      AND limit_at = started_at + interval '72 hours' AND ended_at IS NULL
				FROM assignment_hold WHERE assignment_id = :id""")
			.param("reason", REASON)
			.param("now", Timestamp.from(now))
			.param("id", task)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(version(task)).as("the hold moves the assignment's version on").isEqualTo(version + 1);
		assertThat(events(task)).contains("HOLD_STARTED:" + REASON);
		String held = page("dinkes", ticket);
		assertThat(held).contains("Ditahan", "ditahan sejak", "(" + REASON + ")", "batas tahan",
				"Jam yang berjalan: batas tahan", "Lanjutkan",
				"Penugasan Dinas Kesehatan ditahan (menunggu dokumen/warga)");
		assertThat(page("sekretariat", ticket)).contains("ditahan sejak", REASON).doesNotContain("Lanjutkan");
		assertThat(page("dinkes", "/antrian")).contains(ticket, "Ditahan", "batas tahan");

		// A form of before the hold is stale; holding twice is refused.
		api("dinkes", task, "hold", "{\"version\":" + version + ",\"reason\":\"" + REASON + "\"}")
			.andExpect(status().isConflict());
		api("dinkes", task, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Penugasan ini sudah ditahan."));

		this.clock.advance(Duration.ofHours(5));
		this.mvc
			.perform(post("/penugasan/{id}/lanjutkan", task).param("version", String.valueOf(version + 1))
				.cookie(dinkes)
				.with(csrf()))
			.andExpect(redirectedUrl("/kasus/" + ticket))
			.andExpect(flash().attribute("flashSuccess", "hold.resumed"));
		assertThat(endReasons(task)).containsExactly("RESUMED");
		assertThat(events(task)).contains("HOLD_RESUMED:" + REASON);
		assertThat(assignmentStatus(task)).isEqualTo("DIRESPON");
		assertThat(page("dinkes", ticket)).contains("Ditahan 1 kali, total 5 j 00 m").doesNotContain("ditahan sejak");
		api("dinkes", task, "resume", "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Penugasan ini tidak sedang ditahan."));
	}

	@Test
	void theApiHoldsAndResumesWithProblemJsonForBadInput() throws Exception {
		long task = respondedTask("PENDIDIKAN", "dindik");

		api("dindik", task, "hold", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].message").value("Tulis minimal 10 karakter."));
		api("dindik", task, "hold", "{\"reason\":\"   \"}").andExpect(status().isBadRequest());
		api("dindik", task, "hold", "{\"reason\":\"" + "x".repeat(501) + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("Paling banyak 500 karakter."));
		api("dindik", task, "hold", "{\"reason\":\"Menunggu\\u0000 dokumen warga\"}")
			.andExpect(status().isBadRequest());
		api("dindik", task, "hold", "{\"version\":\"abc\",\"reason\":\"" + REASON + "\"}")
			.andExpect(status().isBadRequest());
		api("dindik", task, "hold", "{\"version\":99999999999999999999999,\"reason\":\"" + REASON + "\"}")
			.andExpect(status().isBadRequest());
		api("dindik", task, "hold", "{\"version\":-1,\"reason\":\"" + REASON + "\"}").andExpect(status().isConflict());
		api("dindik", 999_999_999L, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isNotFound());
		assertThat(holds(task)).isZero();

		api("dindik", task, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.held").value(true))
			.andExpect(jsonPath("$.reason").value(REASON))
			.andExpect(jsonPath("$.limitAt").exists());
		this.mvc
			.perform(get("/api/v1/assignments/" + task + "/hold").with(httpBasic("sekretariat", Logins.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.held").value(true))
			.andExpect(jsonPath("$.reason").value(REASON));
		this.mvc.perform(get("/api/v1/assignments/" + task + "/hold").with(httpBasic("dinkes", Logins.DEMO_PASSWORD)))
			.andExpect(status().isNotFound());
		// A path that names no assignment: none found.
		this.mvc.perform(get("/api/v1/assignments/abc/hold").with(httpBasic("dindik", Logins.DEMO_PASSWORD)))
			.andExpect(status().isNotFound());
		api("dindik", task, "resume", "{\"version\":\"x\"}").andExpect(status().isBadRequest());
		api("dindik", task, "resume", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.held").value(false))
			.andExpect(jsonPath("$.endReason").value("RESUMED"));
	}

	@Test
	void aReasonFromTheFormIsRequiredAndBoundedWithMessagesInBahasaIndonesia() throws Exception {
		long task = respondedTask("KESEHATAN", "dinkes");
		Cookie dinkes = Logins.login(this.mvc, "dinkes");
		this.mvc.perform(post("/penugasan/{id}/tahan", task).cookie(dinkes).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("actionError", "Tulis minimal 10 karakter."));
		this.mvc
			.perform(post("/penugasan/{id}/tahan", task).param("reason", "y".repeat(501)).cookie(dinkes).with(csrf()))
			.andExpect(flash().attribute("actionError", "Paling banyak 500 karakter."));
		this.mvc
			.perform(post("/penugasan/{id}/tahan", task).param("reason", "Menunggu\u0000dokumen")
				.cookie(dinkes)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/penugasan/{id}/tahan", task).param("version", "abc")
				.param("reason", REASON)
				.cookie(dinkes)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/penugasan/{id}/lanjutkan", task).cookie(dinkes).with(csrf()))
			.andExpect(flash().attribute("actionError", "Penugasan ini tidak sedang ditahan."));
		assertThat(holds(task)).isZero();
	}

	@Test
	void onlyTheAssignmentsDinasMayHoldIt() throws Exception {
		long task = respondedTask("KESEHATAN", "dinkes");
		String body = "{\"reason\":\"" + REASON + "\"}";

		api("dindik", task, "hold", body).andExpect(status().isNotFound());
		api("sekretariat", task, "hold", body).andExpect(status().isForbidden());
		api("upt.muncar", task, "hold", body).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/penugasan/{id}/tahan", task).param("reason", REASON)
				.cookie(Logins.login(this.mvc, "dindik"))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(holds(task)).isZero();

		api("dinkes", task, "hold", body).andExpect(status().isOk());
		api("dindik", task, "resume", "{}").andExpect(status().isNotFound());
		api("sekretariat", task, "resume", "{}").andExpect(status().isForbidden());
		assertThat(endReasons(task)).containsExactly("open");
	}

	@Test
	void resolvingOrReturningAHeldAssignmentEndsItsHold() throws Exception {
		long resolved = respondedTask("KESEHATAN", "dinkes");
		long returned = respondedTask("PENDIDIKAN", "dindik");
		api("dinkes", resolved, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isOk());
		api("dindik", returned, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isOk());
		this.clock.advance(Duration.ofHours(1));

		api("dinkes", resolved, "resolution",
				"{\"intervention\":\"LAYANAN_KESEHATAN\",\"note\":\"Warga sudah berobat gratis di puskesmas.\"}")
			.andExpect(status().isOk());
		api("dindik", returned, "return", "{\"reason\":\"Bukan kewenangan dinas pendidikan.\"}")
			.andExpect(status().isOk());

		assertThat(endReasons(resolved)).containsExactly("RESOLVED");
		assertThat(endReasons(returned)).containsExactly("RETURNED");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM assignment_hold WHERE assignment_id IN (:a, :b) AND ended_at = :now")
			.param("a", resolved)
			.param("b", returned)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single()).isEqualTo(2);
		api("dinkes", resolved, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Penugasan sudah ditutup dan tidak dapat ditahan."));
	}

	@Test
	void atItsLimitAHoldEndsByItselfOnceAndTheSecretariatIsToldOnce() throws Exception {
		setLimitHours("2");
		long task = respondedTask("KESEHATAN", "dinkes");
		api("dinkes", task, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isOk());
		Instant heldAt = this.clock.instant();
		String ticket = ticket(task);

		sweepAt(heldAt.plus(Duration.ofHours(1).plusMinutes(59)));
		assertThat(endReasons(task)).containsExactly("open");

		this.clock.set(heldAt.plus(Duration.ofHours(2)));
		assertThat(page("dinkes", ticket)).as("live, before the sweep").contains("Batas tahan terlewati");
		sweepAt(heldAt.plus(Duration.ofHours(2).plusMinutes(3)));
		sweepAt(heldAt.plus(Duration.ofHours(3)));

		assertThat(this.jdbc
			.sql("""
					SELECT end_reason = 'LIMIT_REACHED' AND ended_at = limit_at AND limit_at = CAST(:held AS timestamptz) + interval '2 hours'
					       AND limit_detected_at = CAST(:held AS timestamptz) + interval '2 hours 3 minutes'
					FROM assignment_hold WHERE assignment_id = :id""")
			.param("held", Timestamp.from(heldAt))
			.param("id", task)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(events(task).stream().filter(e -> e.startsWith("HOLD_LIMIT_REACHED:" + REASON))).hasSize(1);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM case_event WHERE assignment_id = :id AND type = 'HOLD_LIMIT_REACHED'
				  AND occurred_at = CAST(:held AS timestamptz) + interval '2 hours'""")
			.param("id", task)
			.param("held", Timestamp.from(heldAt))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(notified(task))
			.containsExactlyElementsOf(secretariatUsers().stream().map(u -> "HOLD_LIMIT:" + u).toList());
		assertThat(assignmentStatus(task)).as("the clock runs again: back to plain DIRESPON").isEqualTo("DIRESPON");
		assertThat(page("sekretariat", ticket)).contains("Batas tahan terlewati pada", "sekretariat sudah diberi tahu")
			.doesNotContain("ditahan sejak");
		assertThat(page("sekretariat", "/notifikasi")).contains("Batas tahan penugasan DINKES terlewati");
		// Resume after the limit: nothing is held any more.
		api("dinkes", task, "resume", "{}").andExpect(status().isConflict());
	}

	@Test
	void aResumeAfterTheLimitBeforeTheSweepEndsTheHoldAtItsLimitAndTellsTheSecretariatOnce() throws Exception {
		setLimitHours("1");
		long task = respondedTask("KESEHATAN", "dinkes");
		api("dinkes", task, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isOk());
		this.clock.advance(Duration.ofMinutes(90));

		api("dinkes", task, "resume", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.endReason").value("LIMIT_REACHED"));
		this.sweeper.sweep();

		assertThat(endReasons(task)).containsExactly("LIMIT_REACHED");
		assertThat(notified(task)).hasSize(secretariatUsers().size());
	}

	@Test
	void afterDowntimeOneSweepEndsEveryOverdueHoldAtItsOwnLimit() throws Exception {
		setLimitHours("3");
		List<Long> tasks = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			long task = respondedTask("BANTUAN_SOSIAL", "dinsos");
			api("dinsos", task, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isOk());
			tasks.add(task);
			this.clock.advance(Duration.ofMinutes(41));
		}
		this.clock.advance(Duration.ofDays(10));
		this.sweeper.sweep();

		for (long task : tasks) {
			assertThat(this.jdbc.sql("""
					SELECT end_reason = 'LIMIT_REACHED' AND ended_at = started_at + interval '3 hours'
					       AND limit_detected_at = :now FROM assignment_hold WHERE assignment_id = :id""")
				.param("id", task)
				.param("now", Timestamp.from(this.clock.instant()))
				.query(Boolean.class)
				.single()).isTrue();
			assertThat(notified(task)).hasSize(secretariatUsers().size());
		}
	}

	@Test
	void threeSweepersAtOnceEndEachHoldAndTellTheSecretariatExactlyOnce() throws Exception {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					WITH cases AS (
					    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
					        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
					    SELECT 'UGD-98-' || lpad(g::text, 6, '0'), 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', :desa,
					        'Alamat', 'Warga ' || g, 'Uji', 'LANGSUNG', 'Uji tahanan paralel', :assigned, u.id
					    FROM generate_series(1, 1500) g, (SELECT id FROM app_user WHERE username = 'upt.muncar') u
					    RETURNING id),
					tasks AS (
					    INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at)
					    SELECT id, 'BPMD', 'DIRESPON', :assigned, :due, :atRisk, :responded FROM cases
					    RETURNING id)
					INSERT INTO assignment_hold (assignment_id, reason, started_at, limit_at)
					SELECT id, 'Menunggu dokumen warga', :responded, :limit FROM tasks""")
			.param("desa", CaseData.MUNCAR_DESA)
			.param("assigned", Timestamp.from(now.minus(Duration.ofDays(4))))
			.param("due", Timestamp.from(now.minus(Duration.ofDays(4)).plus(Duration.ofHours(4))))
			.param("atRisk", Timestamp.from(now.minus(Duration.ofDays(4)).plus(Duration.ofHours(3))))
			.param("responded", Timestamp.from(now.minus(Duration.ofDays(4)).plus(Duration.ofHours(1))))
			.param("limit", Timestamp.from(now.minus(Duration.ofMinutes(1))))
			.update();

		ExecutorService pool = Executors.newFixedThreadPool(3);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> sweeps = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				sweeps.add(pool.submit(() -> {
					start.await();
					return this.sweeper.sweep();
				}));
			}
			start.countDown();
			for (Future<?> sweep : sweeps) {
				sweep.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM assignment_hold h JOIN assignment a ON a.id = h.assignment_id
				JOIN case_file c ON c.id = a.case_id
				WHERE c.ticket LIKE 'UGD-98-%' AND h.end_reason = 'LIMIT_REACHED' AND h.ended_at = h.limit_at""")
			.query(Long.class)
			.single()).isEqualTo(1500);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM (SELECT e.assignment_id FROM case_event e JOIN case_file c ON c.id = e.case_id
				WHERE c.ticket LIKE 'UGD-98-%' AND e.type = 'HOLD_LIMIT_REACHED' GROUP BY e.assignment_id
				HAVING count(*) = 1) once""").query(Long.class).single()).isEqualTo(1500);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM case_event e JOIN case_file c ON c.id = e.case_id
				WHERE c.ticket LIKE 'UGD-98-%' AND e.type = 'HOLD_LIMIT_REACHED'""").query(Long.class).single())
			.isEqualTo(1500);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM notification n JOIN case_file c ON c.id = n.case_id
				WHERE c.ticket LIKE 'UGD-98-%' AND n.kind = 'HOLD_LIMIT'""").query(Long.class).single())
			.isEqualTo(1500L * secretariatUsers().size());
	}

	@Test
	void theSweepReadsThePartialIndexOverOpenHolds() {
		List<String> plan = this.jdbc.sql("""
				EXPLAIN SELECT id FROM assignment_hold WHERE ended_at IS NULL AND limit_at <= now()
				ORDER BY limit_at LIMIT 500 FOR UPDATE SKIP LOCKED""").query(String.class).list();
		assertThat(String.join("\n", plan)).contains("assignment_hold_sweep");
	}

	@Test
	void theDashboardCountsAssignmentsHeldNowAndTheTimeHeldInThePeriod() throws Exception {
		// Of one category no other test holds (routed to BPMD).
		long first = respondedTask("EKONOMI_PEKERJAAN", "bpmd");
		long second = respondedTask("EKONOMI_PEKERJAAN", "bpmd");
		String before = dashboard("EKONOMI_PEKERJAAN");
		long heldNow = Long.parseLong(before.replaceAll("(?s).*\"heldNow\":(\\d+).*", "$1"));
		long heldMinutes = Long.parseLong(before.replaceAll("(?s).*\"heldMinutes\":(\\d+).*", "$1"));

		api("bpmd", first, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isOk());
		api("bpmd", second, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isOk());
		this.clock.advance(Duration.ofMinutes(30));
		api("bpmd", second, "resume", "{}").andExpect(status().isOk());
		this.clock.advance(Duration.ofMinutes(30));

		this.mvc
			.perform(get("/api/v1/dashboard").param("category", "EKONOMI_PEKERJAAN")
				.with(httpBasic("sekretariat", Logins.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.held.heldNow").value(heldNow + 1))
			.andExpect(jsonPath("$.held.heldMinutes").value(heldMinutes + 60 + 30));
		assertThat(this.mvc
			.perform(
					get("/dasbor").param("category", "EKONOMI_PEKERJAAN").cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString())
			.contains("Ditahan", (heldNow + 1) + " penugasan ditahan sekarang", "total waktu ditahan dalam periode");
	}

	@Test
	void theAdminSetsTheLongestHoldAuditedAndRefusesBadValues() throws Exception {
		Cookie admin = Logins.login(this.mvc, "admin");
		assertThat(this.mvc.perform(get("/admin/sla/tahan").cookie(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Batas tahan", "value=\"72\"");
		assertThat(this.mvc.perform(get("/admin").cookie(admin)).andReturn().getResponse().getContentAsString())
			.contains("/admin/sla/tahan");
		for (String[] bad : new String[][] { { "", "Isi berapa jam paling lama." },
				{ "abc", "Tulis bilangan bulat jam, misalnya 72." },
				{ "1.5", "Tulis bilangan bulat jam, misalnya 72." }, { "0", "Antara 1 dan 720 jam." },
				{ "-3", "Antara 1 dan 720 jam." }, { "721", "Antara 1 dan 720 jam." },
				{ "99999999999999", "Tulis bilangan bulat jam, misalnya 72." } }) {
			assertThat(this.mvc.perform(post("/admin/sla/tahan").param("maxHours", bad[0]).cookie(admin).with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString()).as(bad[0]).contains(bad[1], "is-invalid");
		}
		this.mvc.perform(post("/admin/sla/tahan").param("maxHours", "4\u00005").cookie(admin).with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/admin/sla/tahan").cookie(admin).with(csrf())).andExpect(status().isOk());
		this.mvc
			.perform(post("/admin/sla/tahan").param("maxHours", "48")
				.cookie(Logins.login(this.mvc, "sekretariat"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(maxMinutes()).isEqualTo(4320);

		this.mvc.perform(post("/admin/sla/tahan").param("maxHours", " 48 ").cookie(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/sla/tahan"));
		assertThat(maxMinutes()).isEqualTo(48 * 60);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM change_audit WHERE entity_type = 'SLA_HOLD_LIMIT'
				  AND before::text LIKE '%72%' AND after::text LIKE '%48%'""").query(Long.class).single())
			.isGreaterThanOrEqualTo(1);

		// The limit is fixed when a hold starts.
		long task = respondedTask("KESEHATAN", "dinkes");
		api("dinkes", task, "hold", "{\"reason\":\"" + REASON + "\"}").andExpect(status().isOk());
		setLimitHours("5");
		assertThat(this.jdbc
			.sql("SELECT limit_at - started_at = interval '48 hours' FROM assignment_hold WHERE assignment_id = :id")
			.param("id", task)
			.query(Boolean.class)
			.single()).isTrue();
	}

	private void setLimitHours(String hours) throws Exception {
		this.mvc.perform(
				post("/admin/sla/tahan").param("maxHours", hours).cookie(Logins.login(this.mvc, "admin")).with(csrf()))
			.andExpect(redirectedUrl("/admin/sla/tahan"));
	}

	private int maxMinutes() {
		return this.jdbc.sql("SELECT max_minutes FROM sla_hold_setting").query(Integer.class).single();
	}

	private void sweepAt(Instant instant) {
		this.clock.set(instant);
		this.sweeper.sweep();
	}

	private ResultActions api(String username, long task, String action, String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/assignments/" + task + "/" + action).with(httpBasic(username, Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	private String dashboard(String category) throws Exception {
		return this.mvc
			.perform(get("/api/v1/dashboard").param("category", category)
				.with(httpBasic("sekretariat", Logins.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long file(String category) throws Exception {
		String location = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(CaseData.json(CaseData.nik(), category)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return this.jdbc.sql("""
				SELECT a.id FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t""")
			.param("t", location.substring("/api/v1/cases/".length()))
			.query(Long.class)
			.single();
	}

	private long respondedTask(String category, String username) throws Exception {
		long task = file(category);
		api(username, task, "response", "{\"note\":\"Petugas mendatangi rumah warga sekarang.\"}")
			.andExpect(status().isOk());
		return task;
	}

	private String page(String username, String pathOrTicket) throws Exception {
		String path = pathOrTicket.startsWith("/") ? pathOrTicket : "/kasus/" + pathOrTicket;
		return this.mvc.perform(get(path).cookie(Logins.login(this.mvc, username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String ticket(long task) {
		return this.jdbc.sql("SELECT c.ticket FROM case_file c JOIN assignment a ON a.case_id = c.id WHERE a.id = :id")
			.param("id", task)
			.query(String.class)
			.single();
	}

	private long version(long task) {
		return this.jdbc.sql("SELECT version FROM assignment WHERE id = :id")
			.param("id", task)
			.query(Long.class)
			.single();
	}

	private String assignmentStatus(long task) {
		return this.jdbc.sql("SELECT status FROM assignment WHERE id = :id")
			.param("id", task)
			.query(String.class)
			.single();
	}

	private long holds(long task) {
		return this.jdbc.sql("SELECT count(*) FROM assignment_hold WHERE assignment_id = :id")
			.param("id", task)
			.query(Long.class)
			.single();
	}

	private List<String> endReasons(long task) {
		return this.jdbc
			.sql("SELECT coalesce(end_reason, 'open') FROM assignment_hold WHERE assignment_id = :id ORDER BY id")
			.param("id", task)
			.query(String.class)
			.list();
	}

	private List<String> events(long task) {
		return this.jdbc
			.sql("SELECT type || ':' || coalesce(note, '') FROM case_event WHERE assignment_id = :id ORDER BY id")
			.param("id", task)
			.query(String.class)
			.list();
	}

	private List<String> notified(long task) {
		return this.jdbc.sql("""
				SELECT n.kind || ':' || u.username FROM notification n JOIN case_event e ON e.id = n.event_id
				JOIN app_user u ON u.id = n.user_id WHERE e.assignment_id = :id AND n.kind = 'HOLD_LIMIT'
				ORDER BY u.username""").param("id", task).query(String.class).list();
	}

	private List<String> secretariatUsers() {
		return this.jdbc.sql("SELECT username FROM app_user WHERE enabled AND role = 'SEKRETARIAT' ORDER BY username")
			.query(String.class)
			.list();
	}

}
