package id.ugdkemiskinan.dashboard;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A crafted data set where every figure is known by hand; "now" is 20 Nov 2026 12.00 WIB.
 * <pre>
 * A1 DINKES  KESEHATAN       due 18 Nov 12.00 WIB  responded after 180 min      on time
 * A2 DINDIK  PENDIDIKAN      due 19 Nov 01.00 WIB  responded after 300 min      late  (18 Nov in UTC, 19 Nov in WIB)
 * A3 DINSOS  BANTUAN_SOSIAL  due 19 Nov 14.00 WIB  no response                  overdue open
 * A4 DINKES  KESEHATAN       due 18 Nov 21.00 WIB  cancelled                    not counted
 * A5 DINKES  KESEHATAN       due 19 Nov 23.59.59   responded after 180 min      on time (last second of the period)
 * A6 DINKES  KESEHATAN       due 20 Nov 00.00 WIB  responded on time            outside 18–19 Nov
 * A7 BPMD    RUMAH_...       due 20 Nov 12.30 WIB  no response, at risk now     pending on 20 Nov
 * </pre>
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=dashboard")
class DashboardTests {

	static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void craftTheDataSet() {
		this.clock.set(NOW);
		if (this.jdbc.sql("SELECT count(*) FROM case_file WHERE ticket LIKE 'UGD-DB-%'").query(Long.class).single() > 0) {
			return;
		}
		kase("A1", "DINKES", "KESEHATAN", "2026-11-18T01:00:00Z", "2026-11-18T05:00:00Z", "2026-11-18T04:00:00Z", "DITUTUP", false);
		kase("A2", "DINDIK", "PENDIDIKAN", "2026-11-18T14:00:00Z", "2026-11-18T18:00:00Z", "2026-11-18T19:00:00Z", "SELESAI", false);
		kase("A3", "DINSOS", "BANTUAN_SOSIAL", "2026-11-19T03:00:00Z", "2026-11-19T07:00:00Z", null, "TERBUKA", false);
		kase("A4", "DINKES", "KESEHATAN", "2026-11-18T10:00:00Z", "2026-11-18T14:00:00Z", null, "TERBUKA", true);
		kase("A5", "DINKES", "KESEHATAN", "2026-11-19T12:59:59Z", "2026-11-19T16:59:59Z", "2026-11-19T15:59:59Z", "TERBUKA", false);
		kase("A6", "DINKES", "KESEHATAN", "2026-11-19T13:00:00Z", "2026-11-19T17:00:00Z", "2026-11-19T14:00:00Z", "TERBUKA", false);
		kase("A7", "BPMD", "RUMAH_TIDAK_LAYAK_HUNI", "2026-11-20T01:30:00Z", "2026-11-20T05:30:00Z", null, "TERBUKA", false);
	}

	@Test
	void everyFigureByItsDefinition() throws Exception {
		api("pimpinan", "from=2026-11-18&to=2026-11-19")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2026-11-18"))
			.andExpect(jsonPath("$.to").value("2026-11-19"))
			.andExpect(jsonPath("$.filed").value(6))
			.andExpect(jsonPath("$.open").value(4))
			.andExpect(jsonPath("$.resolved").value(1))
			.andExpect(jsonPath("$.closed").value(1))
			.andExpect(jsonPath("$.onTime").value(2))
			.andExpect(jsonPath("$.late").value(1))
			.andExpect(jsonPath("$.overdueOpen").value(1))
			.andExpect(jsonPath("$.pending").value(0))
			.andExpect(jsonPath("$.compliance").value(0.5))
			.andExpect(jsonPath("$.responseMinutesMedian").value(closeTo(180.0, 0.001)))
			.andExpect(jsonPath("$.responseMinutesP90").value(closeTo(276.0, 0.001)))
			.andExpect(jsonPath("$.breachedNow").value(1))
			.andExpect(jsonPath("$.atRiskNow").value(1))
			.andExpect(jsonPath("$.byDinas", hasSize(3)))
			.andExpect(jsonPath("$.byDinas[?(@.dinasCode == 'DINKES')].compliance").value(1.0))
			.andExpect(jsonPath("$.byDinas[?(@.dinasCode == 'DINKES')].onTime").value(2))
			.andExpect(jsonPath("$.byDinas[?(@.dinasCode == 'DINDIK')].late").value(1))
			.andExpect(jsonPath("$.byDinas[?(@.dinasCode == 'DINSOS')].overdueOpen").value(1))
			.andExpect(jsonPath("$.byDinas[?(@.dinasCode == 'DINSOS')].compliance").value(0.0))
			.andExpect(jsonPath("$.byKecamatan[0].kecamatanCode").value("35.10.05"))
			.andExpect(jsonPath("$.byCategory[?(@.category == 'PENDIDIKAN')].late").value(1))
			.andExpect(jsonPath("$.daily", hasSize(2)))
			.andExpect(jsonPath("$.daily[0].date").value("2026-11-18"))
			.andExpect(jsonPath("$.daily[0].filed").value(3))
			.andExpect(jsonPath("$.daily[0].onTime").value(1))
			.andExpect(jsonPath("$.daily[0].late").value(0))
			.andExpect(jsonPath("$.daily[1].date").value("2026-11-19"))
			.andExpect(jsonPath("$.daily[1].filed").value(3))
			.andExpect(jsonPath("$.daily[1].onTime").value(1))
			.andExpect(jsonPath("$.daily[1].late").value(1))
			.andExpect(jsonPath("$.daily[1].breached").value(2));
	}

	@Test
	void aDayStillToComeHasPendingAssignmentsAndTheBoundaryBelongsToTheNextDay() throws Exception {
		api("sekretariat", "from=2026-11-20&to=2026-11-20")
			.andExpect(jsonPath("$.onTime").value(1))
			.andExpect(jsonPath("$.pending").value(1))
			.andExpect(jsonPath("$.compliance").value(1.0));
	}

	@Test
	void anEmptyPeriodHasNoCompliance() throws Exception {
		api("pimpinan", "from=2026-10-01&to=2026-10-02")
			.andExpect(jsonPath("$.onTime").value(0))
			.andExpect(jsonPath("$.compliance").doesNotExist());
	}

	@Test
	void aDinasSeesOnlyItsOwnFiguresAndAnOperatorOnlyTheirKecamatan() throws Exception {
		api("dinkes", "from=2026-11-18&to=2026-11-19&dinas=DINSOS")
			.andExpect(jsonPath("$.onTime").value(2))
			.andExpect(jsonPath("$.late").value(0))
			.andExpect(jsonPath("$.overdueOpen").value(0))
			.andExpect(jsonPath("$.byDinas", hasSize(1)))
			.andExpect(jsonPath("$.byDinas[0].dinasCode").value("DINKES"));
		api("upt.genteng", "from=2026-11-18&to=2026-11-19")
			.andExpect(jsonPath("$.filed").value(0))
			.andExpect(jsonPath("$.onTime").value(0))
			.andExpect(jsonPath("$.breachedNow").value(0));
		api("upt.muncar", "from=2026-11-18&to=2026-11-19").andExpect(jsonPath("$.onTime").value(2));
		this.mvc.perform(get("/api/v1/dashboard").with(httpBasic("admin", Logins.DEMO_PASSWORD))).andExpect(status().isForbidden());
	}

	@Test
	void filtersNarrowTheFigures() throws Exception {
		api("pimpinan", "from=2026-11-18&to=2026-11-19&category=PENDIDIKAN")
			.andExpect(jsonPath("$.late").value(1))
			.andExpect(jsonPath("$.onTime").value(0))
			.andExpect(jsonPath("$.filed").value(1));
		api("pimpinan", "from=2026-11-18&to=2026-11-19&kecamatan=35.10.09").andExpect(jsonPath("$.onTime").value(0));
	}

	@Test
	void thePageShowsTheFiguresTheBreachBoardAndHowTheyAreCounted() throws Exception {
		String page = this.mvc.perform(get("/dasbor?from=2026-11-18&to=2026-11-19").cookie(Logins.login(this.mvc, "pimpinan")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("50,0 %", "UGD-DB-A3", "terlambat 22 j 00 m", "Cara menghitung", "hx-trigger=\"every 30s\"",
				"trend-data", "3 j 00 m");
		assertThat(page.indexOf("UGD-DB-A3")).isLessThan(page.indexOf("UGD-DB-A7"));
		assertThat(page).as("a from/to period shows as such in the period choice")
			.containsPattern("<option value=\"custom\" selected=\"selected\">")
			.contains("value=\"2026-11-18\"");
	}

	@Test
	void theCsvExportListsThePeriodsAssignmentsWithTheirOutcome() throws Exception {
		byte[] body = this.mvc.perform(get("/dasbor/ekspor.csv?from=2026-11-18&to=2026-11-19")
			.cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String csv = new String(body, StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF# UGD Kemiskinan");
		assertThat(csv).contains("tiket;kecamatan;desa;dinas;status", "UGD-DB-A1;35.10.05;35.10.05.2001;DINKES;SELESAI",
				";ON_TIME;180", "UGD-DB-A2", ";LATE;300", "UGD-DB-A3", ";OVERDUE_OPEN;", "# 2;1;1;0;0.5000;180.0;276.0")
			.doesNotContain("UGD-DB-A4", "UGD-DB-A6", "UGD-DB-A7");
	}

	private ResultActions api(String username, String query) throws Exception {
		return this.mvc.perform(get("/api/v1/dashboard?" + query).with(httpBasic(username, Logins.DEMO_PASSWORD)));
	}

	private void kase(String name, String dinas, String category, String assigned, String due, String responded,
			String caseStatus, boolean cancelled) {
		Instant assignedAt = Instant.parse(assigned);
		Instant dueAt = Instant.parse(due);
		long caseId = this.jdbc.sql("""
				INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
				    beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by, closed_at)
				VALUES (:ticket, 'ABCDEF', :status, 'NORMAL', '35.10.05', '35.10.05.2001', 'Alamat', :name, 'Uji', 'LANGSUNG',
				    'Data dasbor yang dihitung dengan tangan', :filed, (SELECT id FROM app_user WHERE username = 'upt.muncar'),
				    CASE WHEN :status = 'DITUTUP' THEN CAST(:filed AS timestamptz) END)
				RETURNING id""")
			.param("ticket", "UGD-DB-" + name)
			.param("status", caseStatus)
			.param("name", "Warga " + name)
			.param("filed", Timestamp.from(assignedAt))
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO case_category (case_id, category_code) VALUES (:c, :cat)")
			.param("c", caseId).param("cat", category).update();
		String status = cancelled ? "DIBATALKAN" : responded == null ? "MENUNGGU_RESPON" : "SELESAI";
		this.jdbc.sql("""
				INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at)
				VALUES (:c, :dinas, :status, :assigned, :due, :atRisk, :responded, :closed)""")
			.param("c", caseId)
			.param("dinas", dinas)
			.param("status", status)
			.param("assigned", Timestamp.from(assignedAt))
			.param("due", Timestamp.from(dueAt))
			.param("atRisk", Timestamp.from(assignedAt.plus(java.time.Duration.between(assignedAt, dueAt).multipliedBy(3).dividedBy(4))))
			.param("responded", responded == null ? null : Timestamp.from(Instant.parse(responded)))
			.param("closed", status.equals("MENUNGGU_RESPON") ? null : Timestamp.from(dueAt))
			.update();
	}

}
