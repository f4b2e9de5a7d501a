package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's "done when", in the browser alone: a newcomer admin adds Dinas Perumahan,
 * routes RUMAH_TIDAK_LAYAK_HUNI to it for Muncar, sets DARURAT to two hours on the
 * Monday–Friday 07.30–16.00 calendar; the next case Muncar's UPT files on a Friday at
 * 15.00 WIB goes to Dinas Perumahan, due Monday 08.30 WIB, counted in working hours, and
 * the same case from Genteng still goes to BPMD on today's 24/7 clock for TINGGI.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_newcomer_browser" })
class NewcomerStoryBrowserTests extends BrowserTestSupport {

	/** Friday 4 December 2026, 15.00 WIB. */
	static final Instant FRIDAY_1500_WIB = Instant.parse("2026-12-04T08:00:00Z");

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	@Order(1)
	void theNewcomerAddsTheDinasRoutesTheCategoryAndSetsThePolicyInTheBrowser() {
		this.clock.set(FRIDAY_1500_WIB.minusSeconds(7200));
		this.browser.login("admin");
		this.browser.open("/admin");
		this.browser.clickToLoad("main a[href='/admin/dinas']");
		this.browser.clickToLoad("a[href='/admin/dinas/baru']");
		this.browser.type("#code", "PERUMAHAN");
		this.browser.type("#name", "Dinas Perumahan");
		this.browser.clickToLoad("form button[type=submit].btn-primary");
		assertThat(this.browser.pageText()).contains("Dinas ditambahkan.", "Dinas Perumahan");

		this.browser.open("/admin");
		this.browser.clickToLoad("main a[href='/admin/rute']");
		new Select(this.browser.find("#category")).selectByValue("RUMAH_TIDAK_LAYAK_HUNI");
		new Select(this.browser.find("#kecamatan")).selectByValue("35.10.05");
		new Select(this.browser.find("#dinas")).selectByValue("PERUMAHAN");
		this.browser.clickToLoad("form[method=post][action='/admin/rute'] button[type=submit]");
		assertThat(this.browser.pageText()).contains("Aturan rute ditambahkan.");
		new Select(this.browser.find("#preview-category")).selectByValue("RUMAH_TIDAK_LAYAK_HUNI");
		new Select(this.browser.find("#preview-kecamatan")).selectByValue("35.10.05");
		this.browser.clickToLoad("form[method=get][action='/admin/rute'] button[type=submit]");
		assertThat(this.browser.pageText()).contains(
				"Kasus dengan kategori Rumah tidak layak huni di kecamatan Muncar akan dikirim ke: Dinas Perumahan");

		this.browser.open("/admin");
		this.browser.clickToLoad("main a[href='/admin/sla']");
		long office = this.jdbc.sql("SELECT id FROM sla_calendar WHERE NOT always_open").query(Long.class).single();
		// The calendar's hours as the newcomer sets them: Monday to Friday 07.30–16.00,
		// the weekend closed (typed through the page's own time fields).
		StringBuilder hours = new StringBuilder();
		for (int day = 1; day <= 7; day++) {
			String opens = day <= 5 ? "07:30" : "";
			String closes = day <= 5 ? "16:00" : "";
			hours.append("document.getElementById('opens%d-%d').value = '%s';".formatted(day, office, opens))
				.append("document.getElementById('closes%d-%d').value = '%s';".formatted(day, office, closes));
		}
		this.browser.js(hours.toString());
		this.browser.clickToLoad("form[action='/admin/sla/kalender/" + office + "/jam'] button[type=submit]");
		long darurat = this.jdbc.sql("SELECT id FROM sla_policy WHERE priority = 'DARURAT' AND category_code IS NULL")
			.query(Long.class)
			.single();
		this.browser.find("#minutes-" + darurat).clear();
		this.browser.type("#minutes-" + darurat, "120");
		new Select(this.browser.find("#policy-calendar-" + darurat)).selectByValue(String.valueOf(office));
		this.browser.clickToLoad("#policy-" + darurat + " button[type=submit]");
		assertThat(this.browser.find("#minutes-" + darurat).getAttribute("value")).isEqualTo("120");
		assertThat(new Select(this.browser.find("#policy-calendar-" + darurat)).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo(String.valueOf(office));
		this.browser.look("newcomer-sla");

		this.browser.open("/admin/riwayat");
		assertThat(this.browser.pageText()).contains("PERUMAHAN", "RUMAH_TIDAK_LAYAK_HUNI/35.10.05/PERUMAHAN",
				"DARURAT");
		this.browser.look("newcomer-history");
		this.browser.logout();
	}

	@Test
	@Order(2)
	void theNextCaseFollowsItAll() {
		this.clock.set(FRIDAY_1500_WIB);
		this.browser.login("upt.muncar");
		this.browser.open("/kasus/baru");
		new Select(this.browser.find("#desaCode")).selectByValue(CaseData.MUNCAR_DESA);
		this.browser.type("#address", "Dusun Kalimoro RT 3");
		this.browser.type("#rt", "3");
		this.browser.type("#rw", "1");
		this.browser.type("#beneficiaryName", "Mbah Tumirah");
		this.browser.type("#nik", CaseData.nik());
		new Select(this.browser.find("#channel")).selectByValue("LANGSUNG");
		this.browser.find("#category-RUMAH_TIDAK_LAYAK_HUNI").click();
		this.browser.type("#description", "Lansia hidup sendiri, atap rumah roboh sebagian setelah hujan angin.");
		this.browser.find("#vulnerability-LANSIA").click();
		this.browser.find("#vulnerability-HIDUP_SENDIRI").click();
		this.browser.clickToLoad(".form-actions button[type=submit]");

		assertThat(this.browser.path()).matches("/kasus/UGD-\\d{2}-\\d{6}");
		assertThat(this.browser.pageText()).contains("Kasus berhasil dicatat", "DARURAT");
		List<String> rows = this.browser.findAll("#assignments-title ~ .table-responsive tbody tr")
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(rows).singleElement()
			.asString()
			.contains("PERUMAHAN", "Senin, 7 Des 2026 08.30 WIB", "dihitung jam kerja");
		this.browser.look("newcomer-case");
		this.browser.logout();

		// Genteng keeps the kabupaten-wide rule (BPMD), and a TINGGI case the 24/7 clock
		// (its one
		// flag, "belum pernah dibantu", derived: the registry has no aid of this
		// resident).
		this.browser.login("upt.genteng");
		this.browser.open("/kasus/baru");
		new Select(this.browser.find("#desaCode")).selectByIndex(1);
		this.browser.type("#address", "Dusun Krajan");
		this.browser.type("#beneficiaryName", "Pak Sarip");
		this.browser.type("#nik", CaseData.nik());
		new Select(this.browser.find("#channel")).selectByValue("LANGSUNG");
		this.browser.find("#category-RUMAH_TIDAK_LAYAK_HUNI").click();
		this.browser.type("#description", "Dinding rumah retak, penghuni tidur di dapur.");
		this.browser.clickToLoad(".form-actions button[type=submit]");
		assertThat(this.browser.pageText()).contains("Kasus berhasil dicatat", "TINGGI");
		String genteng = this.browser.findAll("#assignments-title ~ .table-responsive tbody tr").get(0).getText();
		assertThat(genteng).contains("BPMD").doesNotContain("dihitung jam kerja");
	}

	@Test
	@Order(3)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-newcomer.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

}
