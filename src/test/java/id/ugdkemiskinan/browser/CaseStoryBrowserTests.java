package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import id.ugdkemiskinan.sla.SlaSweeper;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole story of one case, end to end, in headless Chromium against the real
 * application on its real PostgreSQL (a database of its own, so that the dashboard's
 * figures are the story's). The steps follow each other (one browser, one case). Every
 * page the story passes through is looked at by {@link Browser#look}: screenshots at
 * 1366×768 and 360×740 under {@code target/screenshots/}, axe-core, layout on the phone,
 * and page weight; the last step asserts that none of those found a problem and writes
 * {@code target/screenshots/page-weights.md}. Time passes on the injected
 * {@link MutableClock}, and the SLA sweeper is run directly.
 */
@TestPropertySource(properties = { "ugd.demo.cases=false", "ugd.test.database=ugd_browser" })
class CaseStoryBrowserTests extends BrowserTestSupport {

	/**
	 * Every page of the story, first load with an empty cache, all transfers together.
	 */
	static final long PAGE_BUDGET_BYTES = 400_000;

	@Autowired
	MutableClock clock;

	@Autowired
	SlaSweeper sweeper;

	@Autowired
	JdbcClient jdbc;

	private String ticket;

	@Test
	@Order(1)
	void aLoggedOutUserIsSentToLogin() {
		this.browser.open("/kasus");

		assertThat(this.browser.path()).startsWith("/login");
		this.browser.look("login");
	}

	@Test
	@Order(2)
	void theUptFilesACaseWithTwoCategoriesTwoVulnerabilitiesAndAPhoto() throws IOException {
		this.browser.login("upt.muncar");
		assertThat(this.browser.path()).startsWith("/kasus");
		this.browser.look("upt-case-list");

		this.browser.clickToLoad("a[href$='/kasus/baru']");
		this.browser.look("filing-form");
		this.browser.use(Browser.Screen.PHONE);
		assertThat(this.browser.js("""
				const r = document.querySelector('.form-actions button').getBoundingClientRect();
				return r.top >= 0 && r.bottom <= window.innerHeight;"""))
			.as("the phone's submit button is in reach at the top of the form")
			.isEqualTo(true);
		this.browser.use(Browser.Screen.DESKTOP);
		new Select(this.browser.find("#desaCode")).selectByValue(CaseData.MUNCAR_DESA);
		this.browser.type("#address", "Dusun Krajan, Jl. Pelabuhan 12");
		this.browser.type("#rt", "2");
		this.browser.type("#rw", "5");
		this.browser.type("#beneficiaryName", "Siti Aminah");
		this.browser.type("#nik", CaseData.nik());
		this.browser.type("#beneficiaryPhone", "0812-3456-7890");
		new Select(this.browser.find("#channel")).selectByValue("WHATSAPP");
		this.browser.find("#category-KESEHATAN").click();
		this.browser.find("#category-PENDIDIKAN").click();
		this.browser.type("#description", "Anak putus sekolah kelas 8, ibu sakit menahun dan tidak punya BPJS.");
		this.browser.find("#vulnerability-LANSIA").click();
		this.browser.find("#vulnerability-SAKIT_MENAHUN").click();
		Path photo = Files.createTempFile("rumah-warga-", ".png");
		Files.write(photo, CaseData.PNG);
		this.browser.find("#attachments").sendKeys(photo.toAbsolutePath().toString());
		this.browser.clickToLoad(".form-actions button[type=submit]");

		assertThat(this.browser.path()).matches("/kasus/UGD-\\d{2}-\\d{6}");
		this.ticket = this.browser.text("h1 .ticket");
		assertThat(this.browser.pageText()).contains("Kasus berhasil dicatat", "DARURAT", "Lansia",
				photo.getFileName().toString());
		List<String> dinas = this.browser.findAll("#assignments-title ~ .table-responsive tbody tr")
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(dinas).hasSize(2);
		assertThat(dinas).anySatisfy(row -> assertThat(row).contains("DINKES").containsPattern("\\d{2}\\.\\d{2} WIB"));
		assertThat(dinas).anySatisfy(row -> assertThat(row).contains("DINDIK").containsPattern("\\d{2}\\.\\d{2} WIB"));
		this.browser.look("case-filed");
	}

	@Test
	@Order(3)
	void dinkesFindsItAtTheTopOfTheQueueAndRespondsDindikDoesNot() {
		this.browser.logout();
		this.browser.login("dinkes");
		assertThat(this.browser.path()).startsWith("/antrian");
		assertThat(this.browser.text("tbody tr:first-child .ticket")).isEqualTo(this.ticket);
		this.browser.look("dinkes-queue");

		this.browser.clickToLoad("tbody tr:first-child a.ticket");
		this.browser.look("dinkes-case");
		this.browser.type("textarea[id^='respond-note-']", "Petugas puskesmas mengunjungi rumah warga hari ini.");
		this.browser.clickToLoad("form[id^='respond-'] button[type=submit]");
		assertThat(this.browser.pageText()).contains("Respon Dinas Kesehatan", "direspon");
		this.browser.look("dinkes-responded");

		// The dinas's own history finds the case by a part of the resident's name, typed
		// in lower case.
		this.browser.open("/antrian/riwayat?q=aminah");
		assertThat(this.browser.text("tbody tr:first-child .ticket")).isEqualTo(this.ticket);
		assertThat(this.browser.text("tbody tr:first-child")).contains("Siti Aminah", "Direspon");
		this.browser.look("dinkes-history");

		this.browser.logout();
		this.browser.login("dindik");
		assertThat(this.browser.text("tbody tr:first-child .ticket")).isEqualTo(this.ticket);
		assertThat(this.browser.text("tbody tr:first-child")).contains("sisa");
		this.browser.look("dindik-queue");
	}

	@Test
	@Order(4)
	void timePassesTheDindikAssignmentIsBreachedInTheBellAndOnTheBreachBoard() {
		this.clock.advance(Duration.ofHours(5));
		assertThat(this.sweeper.sweep().breached()).isEqualTo(1);

		this.browser.open("/antrian");
		assertThat(this.browser.text("tbody tr:first-child")).contains(this.ticket, "terlambat 3 j 00 m");
		assertThat(this.browser.find("a.bell").getAttribute("aria-label")).doesNotContain(" 0 ");
		this.browser.clickToLoad("a.bell");
		assertThat(this.browser.pageText()).contains("Penugasan DINDIK melewati batas waktu respon", this.ticket);
		this.browser.look("dindik-bell");

		this.browser.logout();
		this.browser.login("sekretariat");
		assertThat(this.browser.path()).startsWith("/dasbor");
		String board = this.browser.find("#board-title").findElement(By.xpath("..")).getText();
		assertThat(board).contains(this.ticket, "DINDIK", "terlambat 3 j 00 m");
		this.browser.look("breach-board");
	}

	@Test
	@Order(5)
	void dindikReturnsItTheSecretariatReroutesToDinsosWhoResolvesThenDinkesResolves() {
		this.browser.logout();
		this.browser.login("dindik");
		this.browser.open("/kasus/" + this.ticket);
		this.browser.find("form[id^='return-']").findElement(By.xpath("ancestor::details/summary")).click();
		this.browser.type("textarea[id^='return-reason-']",
				"Bukan kewenangan kami: anak sudah lulus SMP, keluarga butuh bantuan sosial.");
		this.browser.clickConfirmedToLoad("form[id^='return-'] button[type=submit]");
		assertThat(this.browser.pageText()).contains("Dikembalikan Dinas Pendidikan ke sekretariat",
				"dikembalikan terlambat, setelah 5 j", "Warga menunggu");
		this.browser.look("dindik-returned");

		this.browser.logout();
		this.browser.login("sekretariat");
		this.browser.open("/triase");
		assertThat(this.browser.text("tbody tr:first-child")).contains(this.ticket, "Bukan kewenangan kami");
		this.browser.look("triage");
		this.browser.clickToLoad("tbody tr:first-child a.ticket");
		this.browser.find("#route-DINSOS").click();
		this.browser.type("#route-note", "Mohon asesmen PKH untuk keluarga ini.");
		this.browser.clickToLoad("form#route button[type=submit]");
		assertThat(this.browser.pageText()).contains("Diteruskan ke Dinas Sosial");
		this.browser.look("rerouted");

		this.browser.logout();
		this.browser.login("dinsos");
		assertThat(this.browser.text("tbody tr:first-child .ticket")).isEqualTo(this.ticket);
		this.browser.clickToLoad("tbody tr:first-child a.ticket");
		this.browser.type("textarea[id^='respond-note-']", "Pendamping PKH datang ke rumah warga sore ini.");
		this.browser.clickToLoad("form[id^='respond-'] button[type=submit]");
		resolve("PKH", "Keluarga diusulkan dan ditetapkan sebagai penerima PKH.");
		assertThat(this.browser.pageText()).contains("Diselesaikan Dinas Sosial");
		this.browser.look("dinsos-resolved");

		this.browser.logout();
		this.browser.login("dinkes");
		this.browser.open("/kasus/" + this.ticket);
		resolve("PBI_JKN", "Warga sudah terdaftar PBI-JKN dan berobat ke puskesmas.");
		assertThat(this.browser.text("h1").trim()).isNotEmpty();
		assertThat(this.browser.pageText()).contains("Diselesaikan Dinas Kesehatan", "Selesai");
		this.browser.look("dinkes-resolved");
	}

	@Test
	@Order(6)
	void theUptClosesTheCaseAndTheTimelineShowsEveryStepInOrder() {
		this.browser.logout();
		this.browser.login("upt.muncar");
		this.browser.open("/kasus/" + this.ticket);
		this.browser.type("#close-note", "Ibu Siti mengonfirmasi bantuan PKH dan PBI-JKN sudah diterima.");
		this.browser.clickConfirmedToLoad("form#close button[type=submit]");

		assertThat(this.browser.pageText()).contains("Ditutup");
		List<String> timeline = this.browser.findAll(".timeline li strong").stream().map(WebElement::getText).toList();
		assertThat(timeline).containsExactly("Kasus dicatat", "Diteruskan ke Dinas Pendidikan",
				"Diteruskan ke Dinas Kesehatan", "Respon Dinas Kesehatan",
				"Penugasan Dinas Pendidikan berisiko terlambat",
				"Penugasan Dinas Pendidikan melewati batas waktu respon",
				"Dikembalikan Dinas Pendidikan ke sekretariat",
				"Diteruskan ke Sekretariat UGD (Bagian Kesejahteraan Rakyat)", "Triase selesai, diteruskan",
				"Diteruskan ke Dinas Sosial", "Respon Dinas Sosial", "Diselesaikan Dinas Sosial",
				"Diselesaikan Dinas Kesehatan", "Kasus ditutup setelah konfirmasi dengan warga");
		this.browser.look("closed");
	}

	@Test
	@Order(7)
	void theLeadershipDashboardShowsTheStorysFigures() {
		this.browser.logout();
		this.browser.login("pimpinan");
		// Assignments count by their due time: those routed after the five hours on the
		// test clock fall due four hours later still, which from 15.00 WIB on is
		// tomorrow; so the week up to tomorrow.
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("Asia/Jakarta")));
		this.browser.open("/dasbor?from=" + today.minusDays(6) + "&to=" + today.plusDays(1));

		// DINKES, KESRA (triage) and DINSOS responded in time; DINDIK returned the case
		// after its due time: a late return, its own outcome, not on time (3 of 4).
		assertThat(this.browser.text(".tiles")).contains("Kepatuhan SLA\n75,0 %", "Terlambat sekarang\n0",
				"Kasus masuk\n1");
		assertThat(this.browser.text(".tiles-wait")).contains("Dikembalikan\n1\n1 terlambat",
				"1 kasus, 0 masih menunggu respon pertama");
		assertThat(this.browser.text("#dashboard-body")).contains(
				"Penugasan: 3 tepat waktu, 0 terlambat, 1 dikembalikan (1 terlambat), 0 terlambat belum direspon, 0 menunggu.",
				"Kasus masuk periode ini: 0 terbuka, 0 selesai, 1 ditutup.",
				"Tidak ada penugasan yang terlambat saat ini.");
		this.browser.look("dashboard");
	}

	@Test
	@Order(8)
	void anotherKecamatansOperatorCannotOpenTheCaseByUrl() {
		this.browser.logout();
		this.browser.login("upt.genteng");
		this.browser.open("/kasus/" + this.ticket);

		assertThat(this.browser.pageText()).contains("Tidak ditemukan", "Kabupaten Banyuwangi", "MODE DEMO")
			.doesNotContain("Siti Aminah");
		this.browser.look("other-kecamatan-404");
	}

	@Test
	@Order(9)
	void anIdleSessionExpiresAndTheNextClickLeadsToLogin() {
		this.jdbc.sql("""
				UPDATE spring_session SET last_access_time = last_access_time - 31 * 60 * 1000,
				       expiry_time = expiry_time - 31 * 60 * 1000
				WHERE principal_name = 'upt.genteng'""").update();

		this.browser.clickToLoad("a[href$='/kasus']");

		assertThat(this.browser.path()).startsWith("/login");
	}

	@Test
	@Order(10)
	void theFilingFormWorksWithTheKeyboardAloneAndAnnouncesErrorsNextToTheirFields() {
		this.browser.login("upt.muncar");
		this.browser.open("/kasus/baru");
		this.browser.tabTo(".form-actions button[type=submit]");
		this.browser.pressToLoad(Keys.ENTER);

		assertThat(this.browser.findAll(".is-invalid")).isNotEmpty();
		for (WebElement field : this.browser.findAll("input.is-invalid, select.is-invalid, textarea.is-invalid")) {
			if ("checkbox".equals(field.getAttribute("type"))) {
				continue;
			}
			assertThat(field.getAttribute("aria-invalid")).as(field.getAttribute("id")).isEqualTo("true");
			String describedBy = field.getAttribute("aria-describedby");
			assertThat(describedBy).as("aria-describedby of " + field.getAttribute("id")).isNotBlank();
			WebElement error = this.browser.find("#" + describedBy.split(" ")[0]);
			assertThat(error.getText()).isNotBlank();
			assertThat(this.browser.js("return arguments[0].parentElement.contains(arguments[1]);", field, error))
				.as("the error of %s sits next to it", field.getAttribute("id"))
				.isEqualTo(true);
		}
		this.browser.look("filing-errors");

		this.browser.open("/kasus/baru");
		this.browser.tabTo("#desaCode");
		this.browser.arrowToValue(CaseData.MUNCAR_DESA_2);
		this.browser.tabTo("#address");
		this.browser.press("Dusun Sumberagung RT 3");
		this.browser.tabTo("#beneficiaryName");
		this.browser.press("Pak Sarmin");
		this.browser.tabTo("#nik");
		this.browser.press(CaseData.nik());
		this.browser.tabTo("#channel");
		this.browser.arrowToValue("TELEPON");
		this.browser.tabTo("#category-BANTUAN_SOSIAL");
		this.browser.press(Keys.SPACE);
		this.browser.tabTo("#description");
		this.browser.press("Lansia hidup sendiri, belum pernah menerima bantuan apa pun.");
		this.browser.tabTo("#vulnerability-HIDUP_SENDIRI");
		this.browser.press(Keys.SPACE);
		this.browser.tabTo(".form-actions button[type=submit]");
		this.browser.pressToLoad(Keys.ENTER);

		assertThat(this.browser.path()).matches("/kasus/UGD-\\d{2}-\\d{6}");
		assertThat(this.browser.pageText()).contains("Kasus berhasil dicatat", "DINSOS", "Pak Sarmin");
	}

	@Test
	@Order(11)
	void everyPageLooksRightIsAccessibleLightAndLocal() throws IOException {
		String table = this.browser.weightTable();
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("page-weights.md"), table);
		System.out.println("Page weights (resource timing, transferSize):\n" + table);

		Files.writeString(Browser.SCREENSHOTS.resolve("axe.md"), this.browser.axeReport());
		System.out.println(this.browser.axeReport());
		assertThat(this.browser.weights())
			.allSatisfy(w -> assertThat(w.firstBytes()).as("%s on %s, first load", w.page(), w.screen())
				.isLessThan(PAGE_BUDGET_BYTES));
		assertThat(this.browser.problems()).isEmpty();
	}

	private void resolve(String intervention, String note) {
		this.browser.find("form[id^='resolve-']").findElement(By.xpath("ancestor::details/summary")).click();
		new Select(this.browser.find("select[id^='intervention-']")).selectByValue(intervention);
		this.browser.type("textarea[id^='resolve-note-']", note);
		this.browser.clickConfirmedToLoad("form[id^='resolve-'] button[type=submit]");
	}

}
