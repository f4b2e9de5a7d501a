package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The secretariat imports a PKH list in headless Chromium: the list with the upload form,
 * the column mapping (guessed from the headings), and the finished import with its failed
 * rows, looked at by {@link Browser#look}.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_imports_browser" })
class RegistryImportBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	@Order(1)
	void theSecretariatImportsAProgrammeList() throws IOException {
		Path csv = Files.createTempFile("pkh-maret", ".csv");
		Files.writeString(csv, """
				NIK_KPM,NO_KK,NAMA,DESA,ALAMAT,TANGGAL
				3510054507800101,3510050101090101,Siti Aminah,35.10.05.2001,Dusun Krajan RT 1,2025-03-01
				3510051203750102,3510050101090102,Budi Santoso,Kedungrejo,Dusun Sumber RT 2,01/03/2025
				,3510050101090103,Keluarga Sutrisno,35.10.05.2003,Dusun Tegal RT 3,15-03-2025
				12345,3510050101090104,Nik Pendek,35.10.05.2001,Dusun Krajan,2025-03-01
				3510051203750105,3510050101090105,Desa Asing,35.10.05.9999,Dusun Entah,2025-03-01
				3510051203750106,3510050101090106,Tanggal Rusak,35.10.05.2001,Dusun Krajan,2025-13-40
				""", StandardCharsets.UTF_8);
		this.browser.login("sekretariat");
		this.browser.open("/registri/impor");
		assertThat(this.browser.pageText()).contains("Impor data registri", "Unggah daftar");
		this.browser.look("imports-empty");

		new Select(this.browser.find("#source")).selectByValue("PKH");
		this.browser.find("#file").sendKeys(csv.toAbsolutePath().toString());
		this.browser.clickToLoad("form[enctype] button[type=submit]");
		assertThat(this.browser.path()).startsWith("/registri/impor/petakan/");
		assertThat(new Select(this.browser.find("#kolom_nik")).getFirstSelectedOption().getText()).isEqualTo("NIK_KPM");
		assertThat(new Select(this.browser.find("#kolom_received_on")).getFirstSelectedOption().getText())
			.isEqualTo("TANGGAL");
		this.browser.look("imports-mapping");

		this.browser.clickToLoad("#mapping-form button[type=submit]");
		assertThat(this.browser.path()).matches("/registri/impor/[0-9]+");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM registry_import WHERE status = 'BERJALAN'")
				.query(Long.class)
				.single() == 0);
		this.browser.open(this.browser.path());
		assertThat(this.browser.pageText()).contains("Selesai", "3 ditambah", "3 gagal", "NIK harus 16 angka.");
		this.browser.look("imports-finished-errors");

		this.browser.open("/registri/impor");
		this.browser.look("imports-list");
		this.browser.logout();
		Files.deleteIfExists(csv);
	}

	@Test
	@Order(2)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-imports.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

}
