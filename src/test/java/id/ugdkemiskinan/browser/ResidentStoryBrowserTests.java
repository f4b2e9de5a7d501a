package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resident's side of one case in headless Chromium: the receipt's link opens the
 * status page with the ticket filled in, a wrong code and then the right one (typed as a
 * resident types it), the status while open and once resolved (and in English), the
 * answer "Belum tertangani" with a reason; then the secretariat finds the case back in
 * triage with the resident's reason on the timeline. The case is filed and worked on
 * through the API. Every page is looked at ({@link Browser#look}); a resident page weighs
 * under 50 KB on its first load.
 */
@TestPropertySource(properties = { "ugd.demo.cases=false", "ugd.dashboard.rollup-enabled=false",
		"ugd.test.database=ugd_resident_browser" })
class ResidentStoryBrowserTests extends BrowserTestSupport {

	static final long RESIDENT_PAGE_BUDGET_BYTES = 50_000;

	private static final String REASON = "Bantuan PKH belum sampai, petugas belum datang lagi ke rumah.";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	private String ticket;

	private String code;

	@Test
	@Order(1)
	void theReceiptsLinkOpensTheFormAndAWrongCodeIsRefusedPlainly() throws Exception {
		String filed = call("upt.muncar", "/api/v1/cases",
				CaseData.json(CaseData.nik(), "BANTUAN_SOSIAL", "KESEHATAN"));
		this.ticket = group(filed, "\"ticket\":\"([^\"]+)\"");
		this.code = this.jdbc.sql("SELECT access_code FROM case_file WHERE ticket = :t")
			.param("t", this.ticket)
			.query(String.class)
			.single();
		this.clock.advance(Duration.ofMinutes(80));
		call("dinkes", "/api/v1/assignments/" + assignment("DINKES") + "/response",
				"{\"note\":\"Petugas puskesmas datang ke rumah warga hari ini.\"}");

		this.browser.open("/cek/" + this.ticket);
		assertThat(this.browser.find("#ticket").getAttribute("value")).isEqualTo(this.ticket);
		this.browser.look("resident-form");

		this.browser.type("#code", "AAAAA-BBBBB");
		this.browser.clickToLoad("form button[type=submit]");
		assertThat(this.browser.pageText()).contains("Nomor tiket atau kode akses tidak cocok");
		this.browser.look("resident-no-match");
	}

	@Test
	@Order(2)
	void theRightCodeShowsTheStatusInPlainWordsWithoutPersonalData() {
		this.browser.open("/cek/" + this.ticket);
		this.browser.type("#code", this.code.substring(0, 5).toLowerCase() + " " + this.code.substring(5));
		this.browser.clickToLoad("form button[type=submit]");

		assertThat(this.browser.path()).isEqualTo("/cek/" + this.ticket + "/status");
		assertThat(this.browser.pageText())
			.contains("Sedang ditangani", "Dinas Kesehatan", "Dinas Sosial", "dijanjikan respon dalam 2 jam",
					"direspon dalam 1 j 20 m", "belum direspon — batas")
			.doesNotContain("Mbah Sarni", "Pak RT", "Dusun Krajan", this.code);
		this.browser.look("resident-status-open");
	}

	@Test
	@Order(3)
	void onceResolvedItAsksSudahTertanganiAlsoInEnglish() throws Exception {
		call("dinkes", "/api/v1/assignments/" + assignment("DINKES") + "/resolution",
				"{\"intervention\":\"PBI_JKN\",\"note\":\"Warga sudah terdaftar PBI-JKN dan berobat ke puskesmas.\"}");
		call("dinsos", "/api/v1/assignments/" + assignment("DINSOS") + "/resolution",
				"{\"intervention\":\"PKH\",\"note\":\"Keluarga diusulkan dan ditetapkan sebagai penerima PKH.\"}");

		this.browser.open("/cek/" + this.ticket + "/status");
		assertThat(this.browser.pageText()).contains("Sudah ditangani, menunggu konfirmasi", "Sudah tertangani?",
				"Bantuan yang diberikan: Program Keluarga Harapan (PKH)",
				"Bantuan yang diberikan: Kepesertaan PBI-JKN (BPJS Kesehatan)");
		this.browser.look("resident-status-resolved");

		this.browser.clickToLoad("a[hreflang=en]");
		assertThat(this.browser.pageText()).contains("Handled, awaiting confirmation", "Has it been resolved?",
				"Help given: Program Keluarga Harapan (PKH)");
		this.browser.look("resident-status-en");
		this.browser.clickToLoad("a[hreflang=id]");
		assertThat(this.browser.pageText()).contains("Sudah tertangani?");
	}

	@Test
	@Order(4)
	void theResidentAnswersBelumTertanganiAndSeesItRecorded() {
		this.browser.type("#reason", REASON);
		this.browser.clickToLoad("form.r-answer button.r-button-alt");

		assertThat(this.browser.path()).isEqualTo("/cek/" + this.ticket + "/status");
		assertThat(this.browser.pageText())
			.contains("Jawaban Anda tercatat. Aduan dibuka kembali", "belum tertangani — aduan dibuka kembali",
					"Sedang ditangani", "Sekretariat UGD (Bagian Kesejahteraan Rakyat)")
			.doesNotContain(REASON, "Kirim: belum tertangani");
		this.browser.look("resident-answered");
	}

	@Test
	@Order(5)
	void theSecretariatFindsTheCaseInTriageWithTheResidentsReason() {
		this.browser.login("sekretariat");
		this.browser.open("/triase");
		assertThat(this.browser.pageText()).contains(this.ticket);
		this.browser.look("triage-resident-reopened");

		this.browser.open("/kasus/" + this.ticket);
		List<String> timeline = this.browser.findAll(".timeline li").stream().map(WebElement::getText).toList();
		assertThat(timeline).anySatisfy(line -> assertThat(line)
			.contains("Warga menjawab: belum tertangani — kasus dibuka kembali untuk triase", "Warga", REASON));
		assertThat(timeline.get(timeline.size() - 1)).contains("Diteruskan ke Sekretariat UGD");
		this.browser.look("case-resident-reopened");
		this.browser.logout();
	}

	@Test
	@Order(6)
	void everyResidentPageIsLightAccessibleAndLooksRight() throws IOException {
		String table = this.browser.weightTable();
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("resident-page-weights.md"), table);
		System.out.println("Resident page weights:\n" + table);
		System.out.println(this.browser.axeReport());
		assertThat(this.browser.weights()).filteredOn(w -> w.page().substring(3).startsWith("resident-"))
			.isNotEmpty()
			.allSatisfy(w -> assertThat(w.firstBytes()).as("%s on %s, first load", w.page(), w.screen())
				.isLessThan(RESIDENT_PAGE_BUDGET_BYTES));
		assertThat(this.browser.problems()).isEmpty();
	}

	private long assignment(String dinas) {
		return this.jdbc.sql("""
				SELECT max(a.id) FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE c.ticket = :t AND a.dinas_code = :d""")
			.param("t", this.ticket)
			.param("d", dinas)
			.query(Long.class)
			.single();
	}

	private String call(String username, String path, String json) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((username + ":banyuwangi").getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s: %s", username, path, response.body()).isBetween(200, 201);
		return response.body();
	}

	private static String group(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
		return matcher.group(1);
	}

}
