package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing rules page, its preview and "Riwayat perubahan" in headless Chromium,
 * looked at by {@link Browser#look}: an admin routes RUMAH_TIDAK_LAYAK_HUNI to Dinas
 * Sosial for Muncar alone, previews it, and finds the change in the history.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_routing_browser" })
class RoutingBrowserTests extends BrowserTestSupport {

	@Test
	@Order(1)
	void theAdminAddsAKecamatanRulePreviewsItAndFindsItInTheHistory() {
		this.browser.login("admin");
		this.browser.open("/admin/rute");
		this.browser.js("document.querySelector('#category').value = 'RUMAH_TIDAK_LAYAK_HUNI';"
				+ "document.querySelector('#kecamatan').value = '35.10.05';"
				+ "document.querySelector('#dinas').value = 'DINSOS';");
		this.browser.clickToLoad("form[method=post][action='/admin/rute'] button[type=submit]");
		assertThat(this.browser.pageText()).contains("Aturan rute ditambahkan.");
		this.browser.look("routing-rules");

		this.browser.js("document.querySelector('#preview-category').value = 'RUMAH_TIDAK_LAYAK_HUNI';"
				+ "document.querySelector('#preview-kecamatan').value = '35.10.05';");
		this.browser.clickToLoad("form[method=get][action='/admin/rute'] button[type=submit]");
		assertThat(this.browser.pageText())
			.contains("Kasus dengan kategori Rumah tidak layak huni di kecamatan Muncar akan dikirim ke: Dinas Sosial");
		this.browser.look("routing-preview");

		this.browser.open("/admin/riwayat");
		assertThat(this.browser.pageText()).contains("RUMAH_TIDAK_LAYAK_HUNI/35.10.05/DINSOS", "Aturan rute");
		this.browser.look("audit-history");
		this.browser.logout();
	}

	@Test
	@Order(2)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-routing.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

}
