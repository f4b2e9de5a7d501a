package id.ugdkemiskinan.sla;

import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The due time of an assignment comes from the SLA policy in force when it is made: by
 * priority, a category override over it, counted on the policy's calendar; a later change
 * of the policy never moves an existing assignment.
 */
@IntegrationTest
class SlaPolicyAssignmentTests {

	// 2026-12-04 is a Friday: 15.00 WIB.
	static final Instant FRIDAY_1500_WIB = Instant.parse("2026-12-04T08:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void restoreDefaults() {
		this.jdbc.sql("DELETE FROM sla_policy WHERE category_code IS NOT NULL").update();
		this.jdbc.sql("""
				UPDATE sla_policy SET response_minutes = CASE priority WHEN 'DARURAT' THEN 120 ELSE 240 END,
				       at_risk_percent = 75, calendar_id = (SELECT id FROM sla_calendar WHERE name = '24/7')""")
			.update();
	}

	@Test
	void theDefaultsGiveDaruratTwoHoursAndNormalFourOnTheClock() throws Exception {
		this.clock.set(FRIDAY_1500_WIB);
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		String darurat = file(upt, true, "KESEHATAN");
		String normal = file(upt, false, "KESEHATAN");

		assertThat(times(darurat)).isEqualTo("2026-12-04T10:00:00Z 2026-12-04T09:30:00Z false");
		assertThat(times(normal)).isEqualTo("2026-12-04T12:00:00Z 2026-12-04T11:00:00Z false");
	}

	@Test
	void aWorkingHoursCalendarCountsOnlyOpenTimeAndOlderAssignmentsKeepTheirDueTime() throws Exception {
		this.clock.set(FRIDAY_1500_WIB);
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		String before = file(upt, true, "KESEHATAN");
		this.jdbc.sql("""
				UPDATE sla_policy SET calendar_id = (SELECT id FROM sla_calendar WHERE NOT always_open)
				 WHERE priority = 'DARURAT'""").update();

		String after = file(upt, true, "KESEHATAN");

		// 2 h: 1 h on Friday to 16.00, 1 h from Monday 07.30 → 08.30 WIB; at risk after
		// 1.5 h → Monday 08.00 WIB.
		assertThat(times(after)).isEqualTo("2026-12-07T01:30:00Z 2026-12-07T01:00:00Z true");
		assertThat(times(before)).isEqualTo("2026-12-04T10:00:00Z 2026-12-04T09:30:00Z false");
	}

	@Test
	void aCategoryOverrideWinsOverThePriorityAlone() throws Exception {
		this.clock.set(FRIDAY_1500_WIB);
		this.jdbc.sql("""
				INSERT INTO sla_policy (priority, category_code, response_minutes, at_risk_percent, calendar_id)
				SELECT 'DARURAT', 'KESEHATAN', 60, 50, id FROM sla_calendar WHERE always_open""").update();
		Cookie upt = Logins.login(this.mvc, "upt.muncar");

		assertThat(times(file(upt, true, "KESEHATAN"))).isEqualTo("2026-12-04T09:00:00Z 2026-12-04T08:30:00Z false");
		assertThat(times(file(upt, true, "PENDIDIKAN"))).isEqualTo("2026-12-04T10:00:00Z 2026-12-04T09:30:00Z false");
	}

	private String file(Cookie upt, boolean darurat, String category) throws Exception {
		var form = CaseData.form(CaseData.nik(), Map.of("confirmDuplicate", "true"), category);
		if (darurat) {
			form.param("vulnerabilities", "LANSIA", "HIDUP_SENDIRI");
		}
		String url = this.mvc.perform(form.cookie(upt).with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(url).startsWith("/kasus/UGD-");
		return url.substring("/kasus/".length());
	}

	private String times(String ticket) {
		return this.jdbc.sql("""
				SELECT a.due_at, a.at_risk_from, a.due_in_working_hours, c.priority
				  FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t""")
			.param("t", ticket)
			.query((rs, n) -> rs.getTimestamp(1).toInstant() + " " + rs.getTimestamp(2).toInstant() + " "
					+ rs.getBoolean(3))
			.single();
	}

}
