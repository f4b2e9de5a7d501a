package id.ugdkemiskinan.sla.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The admin's SLA page in the browser's way (forms, CSRF, redirects): setting DARURAT and
 * a working-hours calendar makes the next filed case follow it, older assignments keep
 * their due time, every change is audited, and bad input gets a field message.
 */
// Its own database: the dinas queue it reads is ordered by due time, and other classes'
// open cases due before Monday would push this one off the first page.
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_sla_admin")
class SlaAdminPagesTests {

	// Friday 2026-12-04 15.00 WIB.
	static final Instant FRIDAY_1500_WIB = Instant.parse("2026-12-04T08:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Cookie admin;

	long darurat;

	long office;

	long always;

	@BeforeEach
	void logIn() throws Exception {
		this.admin = Logins.login(this.mvc, "admin");
		this.darurat = this.jdbc.sql("SELECT id FROM sla_policy WHERE priority = 'DARURAT' AND category_code IS NULL")
			.query(Long.class)
			.single();
		this.office = this.jdbc.sql("SELECT id FROM sla_calendar WHERE NOT always_open ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		this.always = this.jdbc.sql("SELECT id FROM sla_calendar WHERE always_open ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		this.jdbc.sql("DELETE FROM change_audit WHERE entity_type LIKE 'SLA%'").update();
	}

	@AfterEach
	void restoreDefaults() {
		this.jdbc.sql("DELETE FROM sla_policy WHERE category_code IS NOT NULL").update();
		this.jdbc.sql("""
				UPDATE sla_policy SET response_minutes = CASE priority WHEN 'DARURAT' THEN 120 ELSE 240 END,
				       at_risk_percent = 75, calendar_id = :c""").param("c", this.always).update();
		this.jdbc.sql("DELETE FROM sla_holiday").update();
	}

	@Test
	void daruratOnAWorkingHoursCalendarSetInThePagesGivesTheNextCaseMondaysDueTime() throws Exception {
		assertThat(page("/admin/sla")).contains("Kebijakan SLA", "DARURAT", "TINGGI", "NORMAL", "Hari libur");
		this.clock.set(FRIDAY_1500_WIB.minusSeconds(3600));
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		String older = file(upt);

		MockHttpServletRequestBuilder hours = post("/admin/sla/kalender/{id}/jam", this.office);
		for (int day = 1; day <= 5; day++) {
			hours.param("opens" + day, "07:30").param("closes" + day, "16:00");
		}
		hours.param("opens6", "").param("closes6", "").param("opens7", "").param("closes7", "");
		assertThat(redirect(hours)).isEqualTo("/admin/sla#calendar-" + this.office);
		assertThat(redirect(post("/admin/sla/kebijakan/{id}", this.darurat).param("responseMinutes", "120")
			.param("atRiskPercent", "75")
			.param("calendarId", String.valueOf(this.office)))).isEqualTo("/admin/sla");

		this.clock.set(FRIDAY_1500_WIB);
		String newer = file(upt);

		// 2 h of open time: 1 h on Friday to 16.00, 1 h from Monday 07.30 → 08.30 WIB; at
		// risk after 75 % of it (1.5 h) → Monday 08.00 WIB.
		assertThat(times(newer)).isEqualTo("2026-12-07T01:30:00Z 2026-12-07T01:00:00Z true");
		assertThat(times(older)).isEqualTo("2026-12-04T09:00:00Z 2026-12-04T08:30:00Z false");
		assertThat(
				this.mvc.perform(get("/kasus/{t}", newer).cookie(upt)).andReturn().getResponse().getContentAsString())
			.contains("Senin, 7 Des 2026 08.30 WIB", "dihitung jam kerja");
		assertThat(this.mvc.perform(get("/antrian").cookie(Logins.login(this.mvc, "dinkes")))
			.andReturn()
			.getResponse()
			.getContentAsString()).as("the dinas queue").contains(newer, "dihitung jam kerja");
		// Outside the staff pages too: the receipt, the resident's status page, and the
		// dinas's message say the weekday and that the time counts working hours.
		assertThat(this.mvc.perform(get("/kasus/{t}/tanda-terima", newer).cookie(upt))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Senin, 7 Des 2026 08.30 WIB (dihitung jam kerja)");
		try (PDDocument pdf = Loader.loadPDF(this.mvc.perform(get("/kasus/{t}/tanda-terima.pdf", newer).cookie(upt))
			.andReturn()
			.getResponse()
			.getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
				.contains("Senin, 7 Des 2026 08.30 WIB (dihitung jam kerja)");
		}
		String code = this.jdbc.sql("SELECT access_code FROM case_file WHERE ticket = :t")
			.param("t", newer)
			.query(String.class)
			.single();
		MvcResult unlocked = this.mvc.perform(post("/cek").param("ticket", newer).param("code", code).with(csrf()))
			.andReturn();
		assertThat(unlocked.getResponse().getRedirectedUrl()).isEqualTo("/cek/" + newer + "/status");
		assertThat(this.mvc
			.perform(get("/cek/{t}/status", newer).cookie(unlocked.getResponse().getCookie(Logins.SESSION_COOKIE)))
			.andReturn()
			.getResponse()
			.getContentAsString())
			.contains("dijanjikan respon paling lambat Senin, 7 Des 2026 08.30 WIB (dihitung jam kerja)")
			.doesNotContain("dijanjikan respon dalam");
		assertThat(this.jdbc.sql("""
				SELECT params ->> 'dueAt' FROM delivery
				 WHERE ticket = :t AND kind = 'NEW_ASSIGNMENT' AND params ->> 'dueInWorkingHours' = 'true'""")
			.param("t", newer)
			.query(String.class)
			.list()).isNotEmpty().allSatisfy(due -> assertThat(due).isEqualTo("Senin, 7 Des 2026 08.30 WIB"));

		assertThat(this.jdbc.sql("""
				SELECT entity_type || ':' || entity_key || ':' || action FROM change_audit
				 WHERE entity_type LIKE 'SLA%' AND actor_id = (SELECT id FROM app_user WHERE username = 'admin')
				 ORDER BY id""").query(String.class).list()).containsExactly("SLA_CALENDAR:" + this.office + ":UPDATED",
				"SLA_POLICY:DARURAT:UPDATED");
		assertThat(this.jdbc.sql("""
				SELECT (before ->> 'calendarId') || '>' || (after ->> 'calendarId') FROM change_audit
				 WHERE entity_type = 'SLA_POLICY' ORDER BY id DESC LIMIT 1""").query(String.class).single())
			.isEqualTo(this.always + ">" + this.office);
	}

	@Test
	void aCategoryOverrideIsAddedAndDeletedWithItsAudit() throws Exception {
		assertThat(redirect(post("/admin/sla/kebijakan").param("priority", "NORMAL")
			.param("categoryCode", "KESEHATAN")
			.param("responseMinutes", "60")
			.param("atRiskPercent", "50")
			.param("calendarId", String.valueOf(this.always)))).isEqualTo("/admin/sla");
		assertThat(fieldError(post("/admin/sla/kebijakan").param("priority", "NORMAL")
			.param("categoryCode", "KESEHATAN")
			.param("responseMinutes", "90")
			.param("atRiskPercent", "50")
			.param("calendarId", String.valueOf(this.always)))).contains("sudah punya pengecualian");
		long id = this.jdbc.sql("SELECT id FROM sla_policy WHERE category_code = 'KESEHATAN'")
			.query(Long.class)
			.single();
		assertThat(page("/admin/sla")).contains("kategori Kesehatan");
		assertThat(redirect(post("/admin/sla/kebijakan/{id}/hapus", id))).isEqualTo("/admin/sla");
		assertThat(this.jdbc.sql("SELECT count(*) FROM sla_policy WHERE category_code IS NOT NULL")
			.query(Integer.class)
			.single()).isZero();
		assertThat(status(post("/admin/sla/kebijakan/{id}/hapus", this.darurat))).as("the priority's own policy stays")
			.isEqualTo(404);
		assertThat(this.jdbc.sql("""
				SELECT action FROM change_audit WHERE entity_type = 'SLA_POLICY' AND entity_key = 'NORMAL:KESEHATAN'
				 ORDER BY id""").query(String.class).list()).containsExactly("CREATED", "DELETED");
	}

	@Test
	void holidaysAreAddedByHandImportedFromICalendarAndRemoved() throws Exception {
		assertThat(redirect(post("/admin/sla/kalender/{id}/libur", this.office).param("date", "2026-12-25")
			.param("name", "Hari Raya Natal"))).isEqualTo("/admin/sla#calendar-" + this.office);
		String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//ID\r\n"
				+ "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270102\r\n"
				+ "SUMMARY:Tahun Baru\r\n  Masehi\r\nEND:VEVENT\r\n"
				+ "BEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20270330\r\nDTEND;VALUE=DATE:20270401\r\n"
				+ "SUMMARY:Idul Fitri\\, cuti bersama\r\nEND:VEVENT\r\n"
				+ "BEGIN:VEVENT\r\nUID:3\r\nDTSTART:20270105T090000Z\r\nSUMMARY:Rapat (bukan libur)\r\nEND:VEVENT\r\n"
				+ "BEGIN:VEVENT\r\nUID:4\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Natal\r\nEND:VEVENT\r\n"
				+ "END:VCALENDAR\r\n";
		MvcResult imported = this.mvc
			.perform(multipart("/admin/sla/kalender/{id}/libur/impor", this.office)
				.file(new MockMultipartFile("file", "libur.ics", "text/calendar", ics.getBytes(StandardCharsets.UTF_8)))
				.cookie(this.admin)
				.with(csrf()))
			.andReturn();
		assertThat(imported.getResponse().getRedirectedUrl()).isEqualTo("/admin/sla#calendar-" + this.office);
		assertThat(imported.getFlashMap().get("importedCount")).isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT holiday_date || ' ' || name FROM sla_holiday ORDER BY holiday_date")
			.query(String.class)
			.list()).containsExactly("2026-12-25 Hari Raya Natal", "2027-01-01 Tahun Baru Masehi",
					"2027-03-30 Idul Fitri, cuti bersama", "2027-03-31 Idul Fitri, cuti bersama");

		for (String bad : List.of("", "hello",
				"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20271340\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
				"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:00000101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
				"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\0\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
				"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
				"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\n")) {
			MvcResult refused = this.mvc
				.perform(multipart("/admin/sla/kalender/{id}/libur/impor", this.office)
					.file(new MockMultipartFile("file", "x.ics", "text/calendar", bad.getBytes(StandardCharsets.UTF_8)))
					.cookie(this.admin)
					.with(csrf()))
				.andReturn();
			assertThat(refused.getResponse().getStatus()).as(bad).isEqualTo(200);
			assertThat(refused.getResponse().getContentAsString()).as(bad)
				.containsAnyOf("bukan file iCalendar yang valid", "Pilih file iCalendar", "tidak berisi hari libur");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM sla_holiday").query(Integer.class).single()).isEqualTo(4);

		assertThat(redirect(post("/admin/sla/kalender/{id}/libur/2027-03-31/hapus", this.office)))
			.isEqualTo("/admin/sla#calendar-" + this.office);
		assertThat(status(post("/admin/sla/kalender/{id}/libur/2027-03-31/hapus", this.office))).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT count(*) FROM change_audit WHERE entity_type = 'SLA_HOLIDAY'")
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	@Test
	void badPolicyInputGetsAFieldMessageNeverA500() throws Exception {
		Map<String, String> minutes = Map.of("", "Isi waktu respon", "-5", "antara 1 dan 43200", "0",
				"antara 1 dan 43200", "abc", "bilangan bulat", "1234567890123", "bilangan bulat", "43201",
				"antara 1 dan 43200");
		for (Map.Entry<String, String> bad : minutes.entrySet()) {
			assertThat(fieldError(post("/admin/sla/kebijakan/{id}", this.darurat).param("responseMinutes", bad.getKey())
				.param("atRiskPercent", "75")
				.param("calendarId", String.valueOf(this.always)))).as(bad.getKey()).contains(bad.getValue());
		}
		for (String percent : List.of("", "0", "100", "x")) {
			assertThat(fieldError(post("/admin/sla/kebijakan/{id}", this.darurat).param("responseMinutes", "60")
				.param("atRiskPercent", percent)
				.param("calendarId", String.valueOf(this.always)))).as(percent).contains("ersentase rawan");
		}
		for (String calendar : List.of("", "999999", "abc")) {
			assertThat(fieldError(post("/admin/sla/kebijakan/{id}", this.darurat).param("responseMinutes", "60")
				.param("atRiskPercent", "75")
				.param("calendarId", calendar))).contains("Pilih kalender yang ada");
		}
		assertThat(fieldError(post("/admin/sla/kebijakan").param("priority", "SEDANG")
			.param("categoryCode", "BUKAN")
			.param("responseMinutes", "60")
			.param("atRiskPercent", "75")
			.param("calendarId", String.valueOf(this.always)))).contains("Pilih prioritas", "Pilih kategori yang ada");
		// A NUL byte in any field is refused by the input filter, before the form.
		assertThat(status(post("/admin/sla/kebijakan/{id}", this.darurat).param("responseMinutes", "1\0")
			.param("atRiskPercent", "75")
			.param("calendarId", String.valueOf(this.always)))).isEqualTo(400);
		assertThat(
				status(post("/admin/sla/kebijakan").param("priority", "DARURAT\0").param("categoryCode", "KESEHATAN")))
			.isEqualTo(400);
		assertThat(status(post("/admin/sla/kebijakan/{id}", 999999).param("responseMinutes", "60"))).isEqualTo(404);
		// Not a number: no such policy (as everywhere in the app for a bad path id).
		assertThat(status(post("/admin/sla/kebijakan/abc").param("responseMinutes", "60"))).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT response_minutes FROM sla_policy WHERE id = :id")
			.param("id", this.darurat)
			.query(Integer.class)
			.single()).isEqualTo(120);
		assertThat(this.jdbc.sql("SELECT count(*) FROM change_audit WHERE entity_type LIKE 'SLA%'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void badCalendarInputGetsAFieldMessageNeverA500() throws Exception {
		assertThat(fieldError(
				post("/admin/sla/kalender/{id}/jam", this.office).param("opens1", "16:00").param("closes1", "07:30")))
			.contains("Jam tutup harus setelah jam buka");
		assertThat(fieldError(
				post("/admin/sla/kalender/{id}/jam", this.office).param("opens1", "25:00").param("closes1", "26:00")))
			.contains("Tulis jam sebagai JJ:MM");
		assertThat(fieldError(
				post("/admin/sla/kalender/{id}/jam", this.office).param("opens1", "07:30").param("closes1", "")))
			.contains("Isi jam buka dan jam tutup");
		assertThat(status(
				post("/admin/sla/kalender/{id}/jam", this.office).param("opens1", "07:30\0").param("closes1", "16:00")))
			.isEqualTo(400);
		assertThat(fieldError(post("/admin/sla/kalender/{id}/jam", this.office))).contains("Paling sedikit satu hari");
		assertThat(status(
				post("/admin/sla/kalender/{id}/jam", this.always).param("opens1", "07:30").param("closes1", "16:00")))
			.as("24/7 has no hours")
			.isEqualTo(404);
		assertThat(status(post("/admin/sla/kalender/{id}/jam", 999999))).isEqualTo(404);

		Map<String, String> dates = Map.of("", "Isi tanggal", "0000-01-01", "antara tahun 2000 dan 2100", "2026-13-01",
				"Tanggal tidak valid", "01/12/2026", "Tanggal tidak valid", "2026-02-30", "Tanggal tidak valid");
		for (Map.Entry<String, String> bad : dates.entrySet()) {
			assertThat(fieldError(post("/admin/sla/kalender/{id}/libur", this.office).param("date", bad.getKey())
				.param("name", "Libur"))).as(bad.getKey()).contains(bad.getValue());
		}
		assertThat(fieldError(
				post("/admin/sla/kalender/{id}/libur", this.office).param("date", "2026-12-25").param("name", "")))
			.contains("Isi nama hari libur");
		assertThat(fieldError(post("/admin/sla/kalender/{id}/libur", this.office).param("date", "2026-12-25")
			.param("name", "x".repeat(201)))).contains("paling banyak 200");
		assertThat(status(post("/admin/sla/kalender/{id}/libur", this.office).param("date", "2026-12-25")
			.param("name", "Natal\0"))).isEqualTo(400);
		assertThat(status(post("/admin/sla/kalender/{id}/libur", this.office).param("date", "2026-12-01\0")
			.param("name", "Natal"))).isEqualTo(400);
		assertThat(status(post("/admin/sla/kalender/{id}/libur/0000-00-00/hapus", this.office))).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT count(*) FROM sla_holiday").query(Integer.class).single()).isZero();
	}

	@Test
	void onlyTheAdminReachesThePage() throws Exception {
		assertThat(this.mvc.perform(get("/admin/sla").cookie(Logins.login(this.mvc, "sekretariat")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.mvc
			.perform(post("/admin/sla/kebijakan/{id}", this.darurat).cookie(this.admin)
				.param("responseMinutes", "60")
				.param("atRiskPercent", "75")
				.param("calendarId", String.valueOf(this.always)))
			.andReturn()
			.getResponse()
			.getStatus()).as("no CSRF token").isEqualTo(403);
	}

	private String file(Cookie upt) throws Exception {
		String url = this.mvc
			.perform(CaseData.form(CaseData.nik(), Map.of("confirmDuplicate", "true"), "KESEHATAN")
				.param("vulnerabilities", "LANSIA", "HIDUP_SENDIRI")
				.cookie(upt)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(url).startsWith("/kasus/UGD-");
		return url.substring("/kasus/".length());
	}

	private String times(String ticket) {
		return this.jdbc.sql("""
				SELECT a.due_at, a.at_risk_from, a.due_in_working_hours
				  FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t""")
			.param("t", ticket)
			.query((rs, n) -> rs.getTimestamp(1).toInstant() + " " + rs.getTimestamp(2).toInstant() + " "
					+ rs.getBoolean(3))
			.single();
	}

	private String page(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path).cookie(this.admin)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private String redirect(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.cookie(this.admin).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	private String fieldError(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.cookie(this.admin).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String body = result.getResponse().getContentAsString();
		assertThat(body).contains("invalid-feedback");
		return body;
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.cookie(this.admin).with(csrf())).andReturn().getResponse().getStatus();
	}

}
