package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SLA dashboard in headless Chromium, on the demo mode's 90 days of cases (a database
 * of its own): its own refresh (every 2 s here, {@code ugd.dashboard.refresh-interval})
 * really happens and changes nothing but the numbers; the phone shows the tiles and the
 * breach board first, the filters folded behind "Saring"; a refused period shows the form
 * with its message. Every view is looked at by {@link Browser#look} (screenshots at
 * 1366×768 and 360×740 under {@code target/screenshots/}, axe-core, layout on the phone,
 * page weight).
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=true",
		"ugd.dashboard.refresh-interval=PT2S", "ugd.test.database=ugd_dashboard_browser" })
class DashboardBrowserTests extends BrowserTestSupport {

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	@Order(1)
	void theDashboardRefreshesItselfAndChangesNothingButTheNumbers() {
		this.browser.login("sekretariat");
		this.browser.open("/dasbor?period=7d");
		assertThat(this.browser.find("#dashboard-body").getAttribute("hx-trigger")).isEqualTo("every 2s");
		Map<String, Object> before = structure();
		String filedBefore = tile("Kasus masuk");
		assertThat(chartPixels()).as("the trend chart is drawn").isPositive();

		// One more case filed now: the "Kasus masuk" tile must go up by one at the next
		// refresh.
		fileOneCaseNow();
		this.browser.js("document.getElementById('dashboard-body').setAttribute('data-stale', 'yes');");
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Boolean.TRUE.equals(this.browser
				.js("const b = document.querySelectorAll('#dashboard-body'); return b.length === 1 && !b[0].hasAttribute('data-stale');")));

		assertThat(structure()).as("the page around the figures, and their sections, after the refresh")
			.isEqualTo(before);
		assertThat(tile("Kasus masuk")).isEqualTo(number(Long.parseLong(filedBefore.replace(".", "")) + 1));
		assertThat(this.browser.find("#period").getAttribute("value")).isEqualTo("7d");
		assertThat(chartPixels()).as("the trend chart is drawn again on the new canvas").isPositive();
		this.browser.look("dasbor");
	}

	@Test
	@Order(2)
	void onThePhoneTheTilesAndTheBreachBoardComeFirstAndTheFiltersAreFolded() {
		this.browser.use(Browser.Screen.PHONE);
		this.browser.open("/dasbor");
		WebElement fold = this.browser.find("details.filters-fold");
		assertThat(fold.getAttribute("open")).as("the filters are folded on the phone").isNull();
		assertThat(this.browser.find("#period").isDisplayed()).isFalse();
		assertThat(this.browser.text("details.filters-fold > summary")).startsWith("Saring");
		Number tiles = (Number) this.browser.js("return document.querySelector('.tiles').getBoundingClientRect().top;");
		Number board = (Number) this.browser
			.js("return document.getElementById('board-title').getBoundingClientRect().top;");
		Number dinas = (Number) this.browser
			.js("return document.getElementById('dinas-title').getBoundingClientRect().top;");
		assertThat(tiles.doubleValue()).as("the tiles start on the first screen").isLessThan(400);
		assertThat(board.doubleValue()).isGreaterThan(tiles.doubleValue()).isLessThan(dinas.doubleValue());

		this.browser.find("details.filters-fold > summary").click();
		assertThat(this.browser.find("#period").isDisplayed()).as("Saring opens the filters").isTrue();
		this.browser.use(Browser.Screen.DESKTOP);
		this.browser.open("/dasbor");
		assertThat(this.browser.find("details.filters-fold").getAttribute("open")).as("open on a wide screen")
			.isNotNull();
	}

	@Test
	@Order(3)
	void theByDinasTableShowsTheWorstFirst() {
		this.browser.open("/dasbor");
		List<String> compliance = this.browser.findAll("table.by-dinas tbody tr td:nth-child(2)")
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(compliance).isNotEmpty();
		List<Double> shares = compliance.stream()
			.filter(text -> !text.contains("–"))
			.map(text -> Double.parseDouble(text.replace(" %", "").replace(",", ".").trim()))
			.toList();
		assertThat(shares).isSorted();
		assertThat(this.browser.text("table.by-dinas caption")).contains("Target: 100 %");
	}

	@Test
	@Order(4)
	void aPeriodOverFourHundredDaysShowsTheFormWithItsMessage() {
		this.browser.open("/dasbor?from=1000-01-01&to=2026-01-01");
		assertThat(this.browser.pageText()).contains("Periode paling panjang 400 hari");
		assertThat(this.browser.find("#from").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.findAll("#dashboard-body")).isEmpty();
		this.browser.look("dasbor-ditolak");
	}

	/**
	 * The demo's residents answered "sudah tertangani?": their satisfaction stands beside
	 * compliance, in all, by dinas and by kecamatan, the groups with few answers
	 * unranked.
	 */
	@Test
	@Order(4)
	void theResidentsSatisfactionStandsBesideCompliance() {
		this.browser.open("/dasbor?period=30d");
		assertThat(this.browser.text("#satisfaction-title")).isEqualTo("Kepuasan warga");
		assertThat(this.browser.text(".satisfaction-totals")).contains("Menjawab \"sudah tertangani\"", "%",
				"Rata-rata nilai (1–5)", "Dibuka kembali oleh warga");
		assertThat(this.browser.findAll("table.satisfaction")).hasSize(2);
		assertThat(this.browser.findAll("table.satisfaction tbody tr")).hasSizeGreaterThan(4);
		this.browser.look("dasbor-kepuasan");
	}

	@Test
	@Order(5)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-dashboard.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

	/**
	 * What a refresh must leave alone: the layout around the figures, the filters, the
	 * figures' sections.
	 */
	private Map<String, Object> structure() {
		@SuppressWarnings("unchecked")
		Map<String, Object> structure = (Map<String, Object>) this.browser.js("""
				const body = document.getElementById('dashboard-body');
				return {
				  navs: document.querySelectorAll('nav').length,
				  headers: document.querySelectorAll('header').length,
				  h1: Array.from(document.querySelectorAll('h1')).map(h => h.textContent.trim()),
				  forms: document.querySelectorAll('form.filters').length,
				  bodies: document.querySelectorAll('#dashboard-body').length,
				  filters: Array.from(document.querySelectorAll('form.filters select, form.filters input'))
				    .map(f => f.name + '=' + f.value),
				  refresh: body.getAttribute('hx-get'),
				  sections: Array.from(body.querySelectorAll('h2, h3')).map(h => h.textContent.trim()),
				  tiles: Array.from(body.querySelectorAll('.tile-label')).map(t => t.textContent.trim()),
				  canvases: document.querySelectorAll('canvas').length
				};""");
		return structure;
	}

	/** How many pixels of the trend chart's canvas are painted. */
	private long chartPixels() {
		return ((Number) this.browser.js("""
				const c = document.getElementById('trend-chart');
				const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
				let n = 0;
				for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; }
				return n;""")).longValue();
	}

	private String tile(String label) {
		return (String) this.browser.js("""
				for (const tile of document.querySelectorAll('.tile')) {
				  if (tile.querySelector('.tile-label').textContent.trim() === arguments[0]) {
				    return tile.querySelector('.tile-value').textContent.trim();
				  }
				}
				return null;""", label);
	}

	private static String number(long value) {
		return java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("id-ID")).format(value);
	}

	private void fileOneCaseNow() {
		this.jdbc.sql("""
				INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
				    beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
				SELECT 'UGD-BR-000001', 'ABCDEF', 'TERBUKA', 'NORMAL', d.kecamatan_code, d.code, 'Alamat', 'Warga baru',
				    'Uji', 'LANGSUNG', 'Kasus baru selagi dasbor terbuka', :now,
				    (SELECT id FROM app_user WHERE role = 'OPERATOR_UPT' ORDER BY id LIMIT 1)
				FROM desa d ORDER BY d.code LIMIT 1""").param("now", Timestamp.from(this.clock.instant())).update();
	}

}
