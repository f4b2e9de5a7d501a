package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's SLA page in headless Chromium, looked at by {@link Browser#look}: the
 * policies, a refused override, a calendar's hours and holidays.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_sla_browser" })
class SlaAdminBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	@Order(1)
	void theAdminKeepsPoliciesAndCalendars() {
		this.jdbc.sql("""
				INSERT INTO sla_holiday (calendar_id, holiday_date, name)
				SELECT id, DATE '2026-12-25', 'Hari Raya Natal' FROM sla_calendar WHERE NOT always_open
				ON CONFLICT DO NOTHING""").update();
		this.browser.login("admin");
		this.browser.open("/admin/sla");
		assertThat(this.browser.pageText()).contains("Kebijakan SLA", "DARURAT", "Hari Raya Natal");
		this.browser.look("admin-sla");
		this.browser.type("#o-minutes", "0");
		this.browser.clickToLoad("form[action='/admin/sla/kebijakan'] button[type=submit]");
		assertThat(this.browser.pageText()).contains("Waktu respon antara 1 dan 43200 menit");
		this.browser.look("admin-sla-override-error");
		this.browser.logout();
	}

	@Test
	@Order(2)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-sla.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

}
