package id.ugdkemiskinan.dashboard;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
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
		if (this.jdbc.sql("SELECT count(*) FROM case_file WHERE ticket LIKE 'UGD-DB-%'")
			.query(Long.class)
			.single() > 0) {
			return;
		}
		kase("A1", "DINKES", "KESEHATAN", "2026-11-18T01:00:00Z", "2026-11-18T05:00:00Z", "2026-11-18T04:00:00Z",
				"DITUTUP", false);
		kase("A2", "DINDIK", "PENDIDIKAN", "2026-11-18T14:00:00Z", "2026-11-18T18:00:00Z", "2026-11-18T19:00:00Z",
				"SELESAI", false);
		kase("A3", "DINSOS", "BANTUAN_SOSIAL", "2026-11-19T03:00:00Z", "2026-11-19T07:00:00Z", null, "TERBUKA", false);
		kase("A4", "DINKES", "KESEHATAN", "2026-11-18T10:00:00Z", "2026-11-18T14:00:00Z", null, "TERBUKA", true);
		kase("A5", "DINKES", "KESEHATAN", "2026-11-19T12:59:59Z", "2026-11-19T16:59:59Z", "2026-11-19T15:59:59Z",
				"TERBUKA", false);
		kase("A6", "DINKES", "KESEHATAN", "2026-11-19T13:00:00Z", "2026-11-19T17:00:00Z", "2026-11-19T14:00:00Z",
				"TERBUKA", false);
		kase("A7", "BPMD", "RUMAH_TIDAK_LAYAK_HUNI", "2026-11-20T01:30:00Z", "2026-11-20T05:30:00Z", null, "TERBUKA",
				false);
	}

	@Test
	void everyFigureByItsDefinition() throws Exception {
		api("pimpinan", "from=2026-11-18&to=2026-11-19").andExpect(status().isOk())
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
		api("sekretariat", "from=2026-11-20&to=2026-11-20").andExpect(jsonPath("$.onTime").value(1))
			.andExpect(jsonPath("$.pending").value(1))
			.andExpect(jsonPath("$.compliance").value(1.0));
	}

	@Test
	void anEmptyPeriodHasNoCompliance() throws Exception {
		api("pimpinan", "from=2026-10-01&to=2026-10-02").andExpect(jsonPath("$.onTime").value(0))
			.andExpect(jsonPath("$.compliance").doesNotExist());
	}

	@Test
	void aDinasSeesOnlyItsOwnFiguresAndAnOperatorOnlyTheirKecamatan() throws Exception {
		api("dinkes", "from=2026-11-18&to=2026-11-19&dinas=DINSOS").andExpect(jsonPath("$.onTime").value(2))
			.andExpect(jsonPath("$.late").value(0))
			.andExpect(jsonPath("$.overdueOpen").value(0))
			.andExpect(jsonPath("$.byDinas", hasSize(1)))
			.andExpect(jsonPath("$.byDinas[0].dinasCode").value("DINKES"));
		api("upt.genteng", "from=2026-11-18&to=2026-11-19").andExpect(jsonPath("$.filed").value(0))
			.andExpect(jsonPath("$.onTime").value(0))
			.andExpect(jsonPath("$.breachedNow").value(0));
		api("upt.muncar", "from=2026-11-18&to=2026-11-19").andExpect(jsonPath("$.onTime").value(2));
		this.mvc.perform(get("/api/v1/dashboard").with(httpBasic("admin", Logins.DEMO_PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void filtersNarrowTheFigures() throws Exception {
		api("pimpinan", "from=2026-11-18&to=2026-11-19&category=PENDIDIKAN").andExpect(jsonPath("$.late").value(1))
			.andExpect(jsonPath("$.onTime").value(0))
			.andExpect(jsonPath("$.filed").value(1));
		api("pimpinan", "from=2026-11-18&to=2026-11-19&kecamatan=35.10.09").andExpect(jsonPath("$.onTime").value(0));
	}

	@Test
	void thePageShowsTheFiguresTheBreachBoardAndHowTheyAreCounted() throws Exception {
		String page = this.mvc
			.perform(get("/dasbor?from=2026-11-18&to=2026-11-19").cookie(Logins.login(this.mvc, "pimpinan")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("50,0 %", "UGD-DB-A3", "terlambat 22 j 00 m", "Cara menghitung",
				"hx-trigger=\"every 30s\"", "trend-data", "3 j 00 m");
		assertThat(page.indexOf("UGD-DB-A3")).isLessThan(page.indexOf("UGD-DB-A7"));
		assertThat(page).as("a from/to period shows as such in the period choice")
			.containsPattern("<option value=\"custom\" selected=\"selected\">")
			.contains("value=\"2026-11-18\"");
	}

	@Test
	void theCsvExportListsThePeriodsAssignmentsWithTheirOutcome() throws Exception {
		byte[] body = this.mvc
			.perform(get("/dasbor/ekspor.csv?from=2026-11-18&to=2026-11-19")
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

	@Test
	void theRefreshAnswersTheFiguresFragmentAloneToHtmx() throws Exception {
		String fragment = this.mvc
			.perform(get("/dasbor?from=2026-11-18&to=2026-11-19").header("HX-Request", "true")
				.cookie(Logins.login(this.mvc, "pimpinan")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment.strip()).startsWith("<div id=\"dashboard-body\"");
		assertThat(fragment)
			.contains("50,0 %", "UGD-DB-A3", "hx-trigger=\"every 30s\"", "hx-get=\"/dasbor?", "from=2026-11-18",
					"to=2026-11-19")
			.doesNotContain("<html", "<body", "<nav", "<header", "<form", "<footer", "MODE DEMO");
	}

	@Test
	void theByDinasTableShowsTheWorstFirstWithTheTargetAndOpenBreachesNow() throws Exception {
		String page = this.mvc
			.perform(get("/dasbor?from=2026-11-18&to=2026-11-19").cookie(Logins.login(this.mvc, "pimpinan")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String table = page.substring(page.indexOf("id=\"dinas-title\""), page.indexOf("id=\"category-title\""));
		// DINSOS and DINDIK both at 0 %, DINSOS with an open breach now; DINKES at 100 %.
		assertThat(table.indexOf(">DINSOS<")).isPositive().isLessThan(table.indexOf(">DINDIK<"));
		assertThat(table.indexOf(">DINDIK<")).isLessThan(table.indexOf(">DINKES<"));
		assertThat(table).contains("Target: 100 % tepat waktu", "target-line",
				"Terlambat sekarang (semua terbuka, periode apa pun)",
				"Terlambat belum direspon (batas dalam periode)");
		assertThat(page).contains("semua penugasan terbuka yang lewat batas, periode apa pun", "Unduh Excel",
				"/dasbor/ekspor.xlsx?from=2026-11-18&amp;to=2026-11-19", "<summary", "Saring");
	}

	@Test
	void theXlsxExportHasTheSummaryTheAssignmentsWithNamesAndIndonesianDatesAndTheBreachBoard() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/dasbor/ekspor.xlsx?from=2026-11-18&to=2026-11-19")
				.cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).isEqualTo(DashboardController.XLSX);
		assertThat(response.getHeader("Content-Disposition")).contains("sla-2026-11-18-2026-11-19.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			Sheet summary = workbook.getSheet("Ringkasan");
			assertThat(text(summary.getRow(0).getCell(0))).contains("Dasbor SLA");
			assertThat(summary.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo("2026-11-18");
			assertThat(summary.getRow(1).getCell(1).getCellStyle().getDataFormatString()).startsWith("[$-421]");
			java.util.Map<String, Cell> figures = new java.util.HashMap<>();
			summary.forEach(row -> {
				if (row.getCell(0) != null && row.getCell(1) != null) {
					figures.putIfAbsent(text(row.getCell(0)), row.getCell(1));
				}
			});
			assertThat(figures.get("Kepatuhan SLA").getNumericCellValue()).isEqualTo(0.5);
			assertThat(figures.get("Terlambat sekarang").getNumericCellValue()).isEqualTo(1.0);
			assertThat(figures.get("Dinas Sosial").getStringCellValue()).isEqualTo("DINSOS");

			Sheet assignments = workbook.getSheet("Penugasan");
			assertThat(text(assignments.getRow(0).getCell(0))).isEqualTo("Tiket");
			assertThat(assignments.getLastRowNum()).isEqualTo(4);
			Row a1 = assignments.getRow(1);
			assertThat(text(a1.getCell(0))).isEqualTo("UGD-DB-A1");
			assertThat(text(a1.getCell(1))).isEqualTo("35.10.05");
			assertThat(text(a1.getCell(2))).isEqualTo("Muncar");
			assertThat(text(a1.getCell(5))).isEqualTo("DINKES");
			assertThat(text(a1.getCell(6))).isEqualTo("Dinas Kesehatan");
			assertThat(text(a1.getCell(7))).isEqualTo("Kesehatan");
			assertThat(a1.getCell(10).getLocalDateTimeCellValue()).isEqualTo("2026-11-18T12:00");
			assertThat(a1.getCell(10).getCellStyle().getDataFormatString()).isEqualTo("[$-421]d mmm yyyy hh.mm");
			assertThat(text(a1.getCell(12))).isEqualTo("Tepat waktu");
			assertThat(a1.getCell(13).getNumericCellValue()).isEqualTo(180.0);

			Sheet board = workbook.getSheet("Papan keterlambatan");
			assertThat(board.getLastRowNum()).isEqualTo(1);
			assertThat(text(board.getRow(1).getCell(0))).isEqualTo("UGD-DB-A3");
			assertThat(text(board.getRow(1).getCell(2))).isEqualTo("Muncar");
			assertThat(board.getRow(1).getCell(10).getNumericCellValue()).isEqualTo(22 * 60.0);
		}
	}

	/**
	 * 20,000 assignments in June 2026 (all answered, so nothing else here changes),
	 * streamed out.
	 */
	@Test
	void aLargeExportStreamsEveryRow() throws Exception {
		if (this.jdbc.sql("SELECT count(*) FROM case_file WHERE ticket LIKE 'UGD-BX-%'")
			.query(Long.class)
			.single() == 0) {
			this.jdbc
				.sql("""
						INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
						    beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
						SELECT 'UGD-BX-' || lpad(g::text, 6, '0'), 'ABCDEF', 'SELESAI', 'NORMAL', '35.10.05', '35.10.05.2001',
						    'Alamat', 'Warga ' || g, 'Uji', 'LANGSUNG', 'Ekspor besar',
						    timestamptz '2026-06-01 00:00+07' + g * interval '2 minutes',
						    (SELECT id FROM app_user WHERE username = 'upt.muncar')
						FROM generate_series(1, 20000) g""")
				.update();
			this.jdbc.sql("""
					INSERT INTO case_category (case_id, category_code)
					SELECT id, 'KESEHATAN' FROM case_file WHERE ticket LIKE 'UGD-BX-%'""").update();
			this.jdbc
				.sql("""
						INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at)
						SELECT id, 'DINKES', 'SELESAI', filed_at, filed_at + interval '4 hours', filed_at + interval '3 hours',
						       filed_at + interval '1 hour', filed_at + interval '4 hours'
						FROM case_file WHERE ticket LIKE 'UGD-BX-%'""")
				.update();
		}
		Cookie session = Logins.login(this.mvc, "sekretariat");
		String csv = this.mvc.perform(get("/dasbor/ekspor.csv?from=2026-06-01&to=2026-06-30").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String[] lines = csv.split("\r\n");
		assertThat(lines[0]).isEqualTo("\uFEFF# UGD Kemiskinan — SLA 2026-06-01 s.d. 2026-06-30");
		// ... then returned, returned late, the resident's wait (none recorded here) and
		// the cases still waiting for it.
		assertThat(lines[2]).isEqualTo("# 20000;0;0;0;1.0000;60.0;60.0;0;0;;;0");
		assertThat(lines).hasSize(4 + 20_000);
		assertThat(lines[4])
			.startsWith("UGD-BX-000001;35.10.05;35.10.05.2001;DINKES;SELESAI;2026-06-01T00:02:00+07:00");
		assertThat(lines[lines.length - 1]).startsWith("UGD-BX-020000;");

		byte[] xlsx = this.mvc.perform(get("/dasbor/ekspor.xlsx?from=2026-06-01&to=2026-06-30").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet assignments = workbook.getSheet("Penugasan");
			assertThat(assignments.getLastRowNum()).isEqualTo(20_000);
			assertThat(text(assignments.getRow(1).getCell(0))).isEqualTo("UGD-BX-000001");
			assertThat(text(assignments.getRow(20_000).getCell(0))).isEqualTo("UGD-BX-020000");
		}
	}

	private static String text(Cell cell) {
		return cell == null ? null : cell.getStringCellValue();
	}

	private ResultActions api(String username, String query) throws Exception {
		return this.mvc.perform(get("/api/v1/dashboard?" + query).with(httpBasic(username, Logins.DEMO_PASSWORD)));
	}

	private void kase(String name, String dinas, String category, String assigned, String due, String responded,
			String caseStatus, boolean cancelled) {
		Instant assignedAt = Instant.parse(assigned);
		Instant dueAt = Instant.parse(due);
		long caseId = this.jdbc
			.sql("""
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
			.param("c", caseId)
			.param("cat", category)
			.update();
		String status = cancelled ? "DIBATALKAN" : responded == null ? "MENUNGGU_RESPON" : "SELESAI";
		this.jdbc
			.sql("""
					INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at)
					VALUES (:c, :dinas, :status, :assigned, :due, :atRisk, :responded, :closed)""")
			.param("c", caseId)
			.param("dinas", dinas)
			.param("status", status)
			.param("assigned", Timestamp.from(assignedAt))
			.param("due", Timestamp.from(dueAt))
			.param("atRisk",
					Timestamp.from(assignedAt
						.plus(java.time.Duration.between(assignedAt, dueAt).multipliedBy(3).dividedBy(4))))
			.param("responded", responded == null ? null : Timestamp.from(Instant.parse(responded)))
			.param("closed", status.equals("MENUNGGU_RESPON") ? null : Timestamp.from(dueAt))
			.update();
	}

}
