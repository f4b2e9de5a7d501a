package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import id.ugdkemiskinan.sla.SlaSweeper;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds in headless Chromium, looked at by {@link Browser#look}: the dinas holds its
 * responded assignment on the case page (which then shows since when, why and the hold
 * limit), its queue shows it, the dashboard counts it, and the admin's page of the
 * longest hold with a refused value.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_hold_browser" })
class HoldBrowserTests extends BrowserTestSupport {

	static final String TICKET = "UGD-26-970001";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SlaSweeper sweeper;

	@Test
	@Order(1)
	void theDinasHoldsItsRespondedAssignmentAndEveryPageShowsIt() {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					WITH kase AS (
					    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
					        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
					    SELECT :ticket, 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', :desa, 'Dusun Krajan 3',
					        'Sulastri', 'Belum punya KTP', 'LANGSUNG', 'Lansia sakit menahun, belum punya BPJS.', :filed, u.id
					    FROM app_user u WHERE u.username = 'upt.muncar'
					    RETURNING id),
					category AS (INSERT INTO case_category (case_id, category_code) SELECT id, 'KESEHATAN' FROM kase)
					INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at)
					SELECT id, 'DINKES', 'DIRESPON', :filed, :due, :atRisk, :responded FROM kase""")
			.param("ticket", TICKET)
			.param("desa", CaseData.MUNCAR_DESA)
			.param("filed", Timestamp.from(now.minus(Duration.ofHours(2))))
			.param("due", Timestamp.from(now.plus(Duration.ofHours(2))))
			.param("atRisk", Timestamp.from(now.plus(Duration.ofHours(1))))
			.param("responded", Timestamp.from(now.minus(Duration.ofHours(1))))
			.update();

		this.browser.login("dinkes");
		this.browser.open("/kasus/" + TICKET);
		this.browser.js("document.querySelector(\"form[id^='hold-']\").closest('details').open = true;");
		this.browser.type("textarea[id^='hold-reason-']", "Menunggu fotokopi KK dan surat keterangan dari desa.");
		assertThat(this.browser.pageText()).contains("Tahan (menunggu dokumen/warga)", "Paling lama 72 jam");
		this.browser.look("case-hold-form");
		// Looking weighs the page (reloads it): open the form and type again.
		this.browser.js("document.querySelector(\"form[id^='hold-']\").closest('details').open = true;");
		this.browser.type("textarea[id^='hold-reason-']", "Menunggu fotokopi KK dan surat keterangan dari desa.");
		this.browser.clickToLoad("form[id^='hold-'] button[type=submit]");
		assertThat(this.browser.pageText()).contains("Penugasan ditahan", "ditahan sejak", "batas tahan",
				"Jam yang berjalan: batas tahan", "Lanjutkan");
		this.browser.look("case-held");
		this.browser.open("/antrian");
		assertThat(this.browser.pageText()).contains(TICKET, "Ditahan");
		this.browser.look("queue-held");
		this.browser.logout();

		this.clock.advance(Duration.ofHours(3));
		this.browser.login("sekretariat");
		this.browser.open("/dasbor?period=7d");
		assertThat(this.browser.pageText()).contains("1 penugasan ditahan sekarang");
		this.browser.look("dasbor-held");

		// Past the limit: the sweep ends the hold, the secretariat sees it on the case.
		this.clock.advance(Duration.ofHours(70));
		this.sweeper.sweep();
		this.browser.open("/kasus/" + TICKET);
		assertThat(this.browser.pageText()).contains("Batas tahan terlewati pada", "sekretariat sudah diberi tahu",
				"Batas tahan penugasan Dinas Kesehatan terlewati");
		this.browser.look("case-hold-limit-passed");
		this.browser.logout();
	}

	@Test
	@Order(2)
	void theAdminSetsTheLongestHold() {
		this.browser.login("admin");
		this.browser.open("/admin/sla/tahan");
		assertThat(this.browser.pageText()).contains("Batas tahan", "72");
		this.browser.look("admin-hold");
		this.browser.type("#maxHours", "0");
		this.browser.clickToLoad("form#hold-limit button[type=submit]");
		assertThat(this.browser.pageText()).contains("Antara 1 dan 720 jam.");
		this.browser.look("admin-hold-error");
		this.browser.logout();
	}

	@Test
	@Order(3)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-hold.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

}
