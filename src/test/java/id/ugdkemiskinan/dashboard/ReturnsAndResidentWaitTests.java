package id.ugdkemiskinan.dashboard;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Returns are their own SLA outcome, and each case keeps the resident's wait: through the
 * pages, with the injected clock, on a database of its own (each test on its own days, so
 * their figures stay apart).
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_returns")
class ReturnsAndResidentWaitTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	DashboardRollups rollups;

	/**
	 * 2 Mar 2026 08.00 WIB: DINDIK returns after 3 h 20 m, the secretariat routes to
	 * DINSOS an hour later, DINSOS responds 1 h after that (5 h 20 m after filing),
	 * DINKES late at 6 h.
	 */
	@Test
	void aReturnInTimeIsReturnedNotMetAndTheResidentsWaitSpansTheReturnAndTheTriage() throws Exception {
		Instant filed = Instant.parse("2026-03-02T01:00:00Z");
		this.clock.set(filed);
		Cookie dindik = Logins.login(this.mvc, "dindik");
		Cookie sekretariat = Logins.login(this.mvc, "sekretariat");
		String ticket = fileCase("KESEHATAN", "PENDIDIKAN");
		long dindikTask = assignmentId(ticket, "DINDIK");

		this.clock.advance(Duration.ofMinutes(200));
		ok(post("/penugasan/{id}/kembalikan", dindikTask).param("reason",
				"Anak sudah lulus; butuh bantuan sosial, bukan pendidikan."), dindik);
		assertThat(page(sekretariat, "/kasus/" + ticket)).contains("dikembalikan setelah 3 j 20 m")
			.doesNotContain("direspon 3 j 20 m")
			.contains("Warga sudah menunggu 3 j 20 m; belum ada respon pertama dinas.");
		assertThat(page(dindik, "/antrian/riwayat")).contains(ticket, "dikembalikan setelah 3 j 20 m");

		this.clock.advance(Duration.ofHours(1));
		ok(post("/kasus/{t}/rute", ticket).param("dinasCodes", "DINSOS").param("note", "Mohon asesmen PKH."),
				sekretariat);
		assertThat(firstResponse(ticket)).as("the secretariat's triage is not an answer to the resident").isNull();
		this.clock.advance(Duration.ofHours(1));
		ok(post("/penugasan/{id}/respon", assignmentId(ticket, "DINSOS")).param("note",
				"Pendamping PKH mengunjungi rumah warga hari ini."), Logins.login(this.mvc, "dinsos"));
		this.clock.advance(Duration.ofMinutes(40));
		ok(post("/penugasan/{id}/respon", assignmentId(ticket, "DINKES")).param("note",
				"Petugas puskesmas mengunjungi rumah warga hari ini."), Logins.login(this.mvc, "dinkes"));

		assertThat(firstResponse(ticket)).isEqualTo(filed.plus(Duration.ofMinutes(320)));
		assertThat(page(sekretariat, "/kasus/" + ticket))
			.contains("Warga menunggu 5 j 20 m sampai respon pertama dinas (2 Mar 2026 13.20 WIB).")
			.contains("sla-returned\"");

		// KESRA's triage and DINSOS on time, DINKES late, DINDIK returned: 2 of 4.
		api("pimpinan", "from=2026-03-02&to=2026-03-02").andExpect(status().isOk())
			.andExpect(jsonPath("$.onTime").value(2))
			.andExpect(jsonPath("$.late").value(1))
			.andExpect(jsonPath("$.returned").value(1))
			.andExpect(jsonPath("$.returnedLate").value(0))
			.andExpect(jsonPath("$.compliance").value(0.5))
			.andExpect(jsonPath("$.byDinas[?(@.dinasCode == 'DINDIK')].onTime").value(0))
			.andExpect(jsonPath("$.byDinas[?(@.dinasCode == 'DINDIK')].returned").value(1))
			.andExpect(jsonPath("$.byDinas[?(@.dinasCode == 'DINDIK')].compliance").value(0.0))
			.andExpect(jsonPath("$.byKecamatan[0].returned").value(1))
			.andExpect(jsonPath("$.byCategory[?(@.category == 'PENDIDIKAN')].returned").value(1))
			.andExpect(jsonPath("$.daily[0].returned").value(1))
			.andExpect(jsonPath("$.daily[0].breached").value(1))
			.andExpect(jsonPath("$.residentWait.cases").value(1))
			.andExpect(jsonPath("$.residentWait.stillWaiting").value(0))
			.andExpect(jsonPath("$.residentWait.minutesMedian").value(320.0))
			.andExpect(jsonPath("$.residentWait.minutesP90").value(320.0));
		String dashboard = page(Logins.login(this.mvc, "pimpinan"), "/dasbor?from=2026-03-02&to=2026-03-02");
		assertThat(dashboard).contains("Kepatuhan SLA", "50,0 %",
				"Penugasan: 2 tepat waktu, 1 terlambat, 1 dikembalikan (0 terlambat), 0 terlambat belum direspon, 0 menunggu.",
				"Median tunggu warga", "5 j 20 m", "1 kasus, 0 masih menunggu respon pertama",
				"Pengembalian tidak pernah dihitung tepat waktu");
	}

	/**
	 * 3 Mar 2026: DINDIK returns after 5 h (late); DINKES responds at 1 h and returns at
	 * 6 h: its response stopped the clock in time, and it answered the resident.
	 */
	@Test
	void aLateReturnIsReturnedLateAndAResponseBeforeAReturnStillEndsTheWait() throws Exception {
		Instant filed = Instant.parse("2026-03-03T01:00:00Z");
		this.clock.set(filed);
		Cookie dindik = Logins.login(this.mvc, "dindik");
		Cookie dinkes = Logins.login(this.mvc, "dinkes");
		String ticket = fileCase("KESEHATAN", "PENDIDIKAN");
		this.clock.advance(Duration.ofHours(1));
		ok(post("/penugasan/{id}/respon", assignmentId(ticket, "DINKES")).param("note",
				"Petugas puskesmas menelepon keluarga warga hari ini."), dinkes);
		this.clock.advance(Duration.ofHours(4));
		ok(post("/penugasan/{id}/kembalikan", assignmentId(ticket, "DINDIK")).param("reason",
				"Bukan kewenangan Dinas Pendidikan sama sekali."), dindik);
		this.clock.advance(Duration.ofHours(1));
		ok(post("/penugasan/{id}/kembalikan", assignmentId(ticket, "DINKES")).param("reason",
				"Setelah kunjungan: ini urusan perumahan, bukan kesehatan."), dinkes);

		assertThat(page(dindik, "/kasus/" + ticket)).contains("dikembalikan terlambat, setelah 5 j 00 m");
		assertThat(page(dinkes, "/kasus/" + ticket)).contains("dikembalikan setelah 6 j 00 m")
			.contains("Warga menunggu 1 j 00 m sampai respon pertama dinas");
		assertThat(firstResponse(ticket)).isEqualTo(filed.plus(Duration.ofHours(1)));

		api("sekretariat", "from=2026-03-03&to=2026-03-03").andExpect(jsonPath("$.onTime").value(0))
			.andExpect(jsonPath("$.late").value(0))
			.andExpect(jsonPath("$.returned").value(2))
			.andExpect(jsonPath("$.returnedLate").value(1))
			.andExpect(jsonPath("$.pending").value(1))
			.andExpect(jsonPath("$.compliance").value(0.0))
			.andExpect(jsonPath("$.responseMinutesMedian").doesNotExist())
			.andExpect(jsonPath("$.daily[0].breached").value(1))
			.andExpect(jsonPath("$.byDinas[?(@.dinasCode == 'DINDIK')].returnedLate").value(1))
			.andExpect(jsonPath("$.residentWait.minutesMedian").value(60.0));
		String csv = new String(this.mvc
			.perform(get("/dasbor/ekspor.csv?from=2026-03-03&to=2026-03-03")
				.cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv).contains(";DIKEMBALIKAN;", ";RETURNED_LATE;300", ";RETURNED;60",
				"dikembalikan;dikembalikan terlambat;median menit tunggu warga", "# 0;0;0;1;0.0000;;;2;1;60.0;60.0;0");
		assertThat(csv).doesNotContain(";ON_TIME;");
	}

	/** 4 Mar 2026: waits of 1, 2, 3 and 10 hours; a rejected case without one. */
	@Test
	void theMedianAndP90OfTheResidentsWaitArePercentileContOverTheCases() throws Exception {
		this.clock.set(Instant.parse("2026-03-10T05:00:00Z"));
		Instant day = Instant.parse("2026-03-04T01:00:00Z");
		if (this.jdbc.sql("SELECT count(*) FROM case_file WHERE ticket LIKE 'UGD-RW-%'")
			.query(Long.class)
			.single() == 0) {
			waited("A", day, 60, "SELESAI");
			waited("B", day.plusSeconds(60), 120, "SELESAI");
			waited("C", day.plusSeconds(120), 180, "TERBUKA");
			waited("D", day.plusSeconds(180), 600, "DITUTUP");
			waited("E", day.plusSeconds(240), null, "DITOLAK");
			// 5 Mar: one open case still waiting, filed 2 h before now.
			waited("F", Instant.parse("2026-03-10T03:00:00Z"), null, "TERBUKA");
		}
		// percentile_cont over 60, 120, 180, 600: 0.5 → 150; 0.9 → rank 2.7 → 180 + 0.7 ×
		// 420
		api("pimpinan", "from=2026-03-04&to=2026-03-04").andExpect(jsonPath("$.residentWait.cases").value(4))
			.andExpect(jsonPath("$.residentWait.stillWaiting").value(0))
			.andExpect(jsonPath("$.residentWait.minutesMedian").value(150.0))
			.andExpect(jsonPath("$.residentWait.minutesP90").value(474.0));
		api("pimpinan", "from=2026-03-10&to=2026-03-10").andExpect(jsonPath("$.residentWait.cases").value(1))
			.andExpect(jsonPath("$.residentWait.stillWaiting").value(1))
			.andExpect(jsonPath("$.residentWait.minutesMedian").value(120.0));
		api("pimpinan", "from=2026-03-04&to=2026-03-04&kecamatan=35.10.09")
			.andExpect(jsonPath("$.residentWait.cases").value(0))
			.andExpect(jsonPath("$.residentWait.minutesMedian").doesNotExist());
		String page = page(Logins.login(this.mvc, "pimpinan"), "/dasbor?from=2026-03-04&to=2026-03-04");
		assertThat(page).contains("2 j 30 m", "7 j 54 m", "4 kasus, 0 masih menunggu respon pertama");
	}

	/**
	 * The roll-up counts returns apart as the raw figures do: a past day, built, reads
	 * the same.
	 */
	@Test
	void theRollUpCountsReturnsApartLikeTheRawTables() throws Exception {
		Instant filed = Instant.parse("2026-02-02T01:00:00Z");
		this.clock.set(filed);
		String ticket = fileCase("PENDIDIKAN");
		this.clock.advance(Duration.ofHours(5));
		ok(post("/penugasan/{id}/kembalikan", assignmentId(ticket, "DINDIK")).param("reason",
				"Bukan kewenangan Dinas Pendidikan sama sekali."), Logins.login(this.mvc, "dindik"));
		String answered = fileCase("KESEHATAN");
		this.clock.advance(Duration.ofMinutes(30));
		ok(post("/penugasan/{id}/respon", assignmentId(answered, "DINKES")).param("note",
				"Petugas puskesmas mengunjungi rumah warga hari ini."), Logins.login(this.mvc, "dinkes"));
		Instant later = Instant.parse("2026-02-20T05:00:00Z");
		this.clock.set(later);
		String raw = figures("from=2026-02-02&to=2026-02-02");
		String rawByDinas = figures("from=2026-02-02&to=2026-02-02&dinas=DINDIK");
		this.rollups.refresh();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.rollups.refresh()).isPositive();
		this.clock.set(later);
		assertThat(this.jdbc
			.sql("""
					SELECT returned || '/' || returned_late FROM dashboard_overdue
					WHERE grain = 'D' AND span_start = TIMESTAMPTZ '2026-02-02 00:00+07' AND scope = '' AND dimension = 'T'""")
			.query(String.class)
			.single()).isEqualTo("1/1");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM dashboard_response
				WHERE grain = 'D' AND span_start = TIMESTAMPTZ '2026-02-02 00:00+07' AND scope = 'DINDIK'""")
			.query(Long.class)
			.single()).as("a return has no response time").isZero();
		assertThat(this.jdbc
			.sql("""
					SELECT minutes || '/' || on_time || '/' || late FROM dashboard_response
					WHERE grain = 'D' AND span_start = TIMESTAMPTZ '2026-02-02 00:00+07' AND scope = '' AND dimension = 'W'""")
			.query(String.class)
			.list()).as("the answered case's wait; the one still waiting is read raw").containsExactly("30/1/0");
		assertThat(figures("from=2026-02-02&to=2026-02-02")).isEqualTo(raw);
		assertThat(figures("from=2026-02-02&to=2026-02-02&dinas=DINDIK")).isEqualTo(rawByDinas);
		// The late return and the secretariat's triage still waiting (both breaches),
		// DINKES on time: 1 of 3. The wait: 30 minutes, and 18 d 4 h for the case still
		// waiting.
		api("pimpinan", "from=2026-02-02&to=2026-02-02").andExpect(jsonPath("$.returned").value(1))
			.andExpect(jsonPath("$.returnedLate").value(1))
			.andExpect(jsonPath("$.onTime").value(1))
			.andExpect(jsonPath("$.overdueOpen").value(1))
			.andExpect(jsonPath("$.compliance").value(1.0 / 3))
			.andExpect(jsonPath("$.residentWait.cases").value(2))
			.andExpect(jsonPath("$.residentWait.stillWaiting").value(1))
			.andExpect(jsonPath("$.residentWait.minutesMedian").value((30 + (18 * 24 * 60 + 4 * 60)) / 2.0))
			.andExpect(jsonPath("$.daily", hasSize(1)))
			.andExpect(jsonPath("$.daily[0].breached").value(2));
	}

	/**
	 * The queue holds open assignments only: the returned states are not a filter there,
	 * answered 400 (problem JSON on the API) like any other bad value.
	 */
	@Test
	void theQueueRefusesTheReturnedStatesAndOtherBadValues() throws Exception {
		Cookie dindik = Logins.login(this.mvc, "dindik");
		for (String bad : new String[] { "RETURNED", "RETURNED_LATE", "returned", "x".repeat(300), "-1", "3" }) {
			assertThat(this.mvc.perform(get("/antrian").param("state", bad).cookie(dindik))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString()).as("state=%s", bad).contains("tidak dikenal", "Permintaan tidak valid");
			this.mvc
				.perform(get("/api/v1/assignments").param("state", bad).with(httpBasic("dindik", Logins.DEMO_PASSWORD)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("state"));
		}
		// A NUL byte is refused before any controller (the firewall), still 400.
		this.mvc.perform(get("/antrian").param("state", "RETURNED\u0000").cookie(dindik))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/api/v1/assignments").param("state", "RETURNED\u0000")
				.with(httpBasic("dindik", Logins.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/antrian").param("state", "").cookie(dindik)).andExpect(status().isOk());
		this.mvc.perform(get("/antrian").param("state", "BREACHED").cookie(dindik)).andExpect(status().isOk());
	}

	private String figures(String query) throws Exception {
		return api("pimpinan", query).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private void waited(String name, Instant filed, Integer minutes, String status) {
		this.jdbc
			.sql("""
					INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
					    beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by, closed_at, first_response_at)
					VALUES (:ticket, 'ABCDEF', :status, 'NORMAL', '35.10.05', '35.10.05.2001', 'Alamat', :name, 'Uji', 'LANGSUNG',
					    'Tunggu warga yang dihitung dengan tangan', :filed, (SELECT id FROM app_user WHERE username = 'upt.muncar'),
					    CASE WHEN :status = 'DITUTUP' THEN CAST(:filed AS timestamptz) + interval '1 day' END, :first)""")
			.param("ticket", "UGD-RW-" + name)
			.param("status", status)
			.param("name", "Warga " + name)
			.param("filed", Timestamp.from(filed))
			.param("first", minutes == null ? null : Timestamp.from(filed.plus(Duration.ofMinutes(minutes))))
			.update();
	}

	private String fileCase(String... categories) throws Exception {
		MvcResult result = this.mvc
			.perform(CaseData.form(CaseData.nik(), java.util.Map.of("confirmDuplicate", "true"), categories)
				.cookie(Logins.login(this.mvc, "upt.muncar"))
				.with(csrf()))
			.andReturn();
		return result.getResponse().getRedirectedUrl().substring("/kasus/".length());
	}

	private void ok(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
		MvcResult result = this.mvc.perform(request.cookie(session).with(csrf())).andReturn();
		assertThat(result.getFlashMap().get("actionError")).as("refused: %s", result.getFlashMap()).isNull();
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/kasus/UGD-");
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private ResultActions api(String username, String query) throws Exception {
		return this.mvc.perform(get("/api/v1/dashboard?" + query).with(httpBasic(username, Logins.DEMO_PASSWORD)));
	}

	private long assignmentId(String ticket, String dinas) {
		return this.jdbc.sql("""
				SELECT max(a.id) FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE c.ticket = :t AND a.dinas_code = :d""")
			.param("t", ticket)
			.param("d", dinas)
			.query(Long.class)
			.single();
	}

	private Instant firstResponse(String ticket) {
		Timestamp first = this.jdbc.sql("SELECT first_response_at FROM case_file WHERE ticket = :t")
			.param("t", ticket)
			.query((rs, n) -> rs.getTimestamp(1))
			.list()
			.get(0);
		return first == null ? null : first.toInstant();
	}

}
