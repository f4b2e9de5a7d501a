package id.ugdkemiskinan.browser;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import id.ugdkemiskinan.support.CaseData;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filing form in a phone's real day, in headless Chromium against the real
 * application: the session ends while the operator types (its row is deleted), the submit
 * leads to login and back to the form, refilled from the browser's draft; a 12 MP photo
 * is shrunk in the browser and files under 5 MB; the draft is gone once the case is
 * filed; a submit without a connection keeps the draft and says so; another operator on
 * the same browser never sees it. Each page is looked at ({@link Browser#look}) at 1366
 * and 360 px.
 */
@TestPropertySource(properties = { "ugd.demo.cases=false", "ugd.dashboard.rollup-enabled=false",
		"ugd.test.database=ugd_filing_browser" })
class FilingBrowserTests extends BrowserTestSupport {

	private static final String DRAFT = """
			for (let i = 0; i < localStorage.length; i++) {
			  if (localStorage.key(i).startsWith('ugd-draft-filing-')) return localStorage.getItem(localStorage.key(i));
			}
			return null;""";

	@Autowired
	JdbcClient jdbc;

	private String nik;

	private String ticket;

	@Test
	@Order(1)
	void theFormIsKeptInTheBrowserAsItIsTyped() {
		this.browser.login("upt.muncar");
		this.browser.open("/kasus/baru");
		this.nik = CaseData.nik();
		new Select(this.browser.find("#desaCode")).selectByValue(CaseData.MUNCAR_DESA);
		this.browser.type("#address", "Dusun Krajan, Jl. Pelabuhan 12");
		this.browser.type("#beneficiaryName", "Mbok Sumiati");
		this.browser.type("#nik", this.nik);
		this.browser.type("#beneficiaryPhone", "0812-3456-7890");
		new Select(this.browser.find("#channel")).selectByValue("PENJANGKAUAN");
		this.browser.find("#category-RUMAH_TIDAK_LAYAK_HUNI").click();
		this.browser.find("#vulnerability-LANSIA").click();
		this.browser.type("#description", "Atap rumah roboh sebagian setelah hujan deras, lansia tinggal sendiri.");

		String draft = (String) this.browser.js(DRAFT);
		assertThat(draft).contains("Mbok Sumiati", this.nik, "RUMAH_TIDAK_LAYAK_HUNI", "LANSIA", "PENJANGKAUAN")
			.doesNotContain("upt.muncar");
		// The registry's panel answers for the typed NIK (its request, 400 ms after the
		// last
		// keystroke, would otherwise meet the session the next test ends and lead to the
		// login page before that test's submit).
		this.browser.await("""
				const text = document.getElementById('resident-panel').textContent.trim();
				return text.length > 0 && !text.includes('Ketik 16 angka');""");
	}

	@Test
	@Order(2)
	void aSubmitAfterTheSessionEndedLeadsToLoginAndBackToTheFormRefilled() {
		// The session ends while the operator types (idle timeout, or the server lost
		// it).
		this.jdbc.sql("DELETE FROM spring_session WHERE principal_name = 'upt.muncar'").update();

		this.browser.clickToLoad(".form-actions button[type=submit]");

		assertThat(this.browser.path()).isEqualTo("/login?expired");
		assertThat(this.browser.pageText()).contains("Sesi Anda berakhir — isian Anda tersimpan")
			.doesNotContain("Akses ditolak");
		this.browser.look("login-session-ended");

		this.browser.type("#username", "upt.muncar");
		this.browser.type("#password", "banyuwangi");
		this.browser.clickToLoad("form button[type=submit]");

		assertThat(this.browser.path()).startsWith("/kasus/baru");
		assertThat(this.browser.find("#beneficiaryName").getDomProperty("value")).isEqualTo("Mbok Sumiati");
		assertThat(this.browser.find("#nik").getDomProperty("value")).isEqualTo(this.nik);
		assertThat(this.browser.find("#desaCode").getDomProperty("value")).isEqualTo(CaseData.MUNCAR_DESA);
		assertThat(this.browser.find("#channel").getDomProperty("value")).isEqualTo("PENJANGKAUAN");
		assertThat(this.browser.find("#category-RUMAH_TIDAK_LAYAK_HUNI").isSelected()).isTrue();
		assertThat(this.browser.find("#category-KESEHATAN").isSelected()).isFalse();
		assertThat(this.browser.find("#vulnerability-LANSIA").isSelected()).isTrue();
		assertThat(this.browser.find("#description").getDomProperty("value")).startsWith("Atap rumah roboh");
		assertThat(this.browser.text("#draft-status")).contains("dipulihkan");
		this.browser.look("filing-form-restored");
	}

	@Test
	@Order(3)
	void aTwelveMegapixelPhotoIsShrunkInTheBrowserAndTheCaseIsFiledAndTheDraftCleared() throws IOException {
		Path photo = phonePhoto();
		assertThat(Files.size(photo)).as("the generated photo is over the 5 MB limit").isGreaterThan(5L * 1024 * 1024);

		this.browser.find("#attachments").sendKeys(photo.toAbsolutePath().toString());
		this.browser.await("""
				const f = document.getElementById('attachments').files;
				return document.getElementById('filing-form').getAttribute('data-shrinking') === 'false'
				  && f.length === 1 && f[0].type === 'image/jpeg' && f[0].size < 5 * 1024 * 1024;""");
		assertThat(this.browser.text("#attachments-status")).contains("diperkecil");
		this.browser.clickToLoad(".form-actions button[type=submit]");

		assertThat(this.browser.path()).matches("/kasus/UGD-\\d{2}-\\d{6}");
		this.ticket = this.browser.text("h1 .ticket");
		assertThat(this.browser.pageText()).contains("Kasus berhasil dicatat", "Mbok Sumiati");
		assertThat(this.jdbc.sql("""
				SELECT a.content_type || ':' || (a.size_bytes < 5 * 1024 * 1024) || ':' || a.filename
				FROM attachment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t""")
			.param("t", this.ticket)
			.query(String.class)
			.single()).isEqualTo("image/jpeg:true:" + photo.getFileName().toString().replaceAll("\\.png$", ".jpg"));
		this.browser.js("document.querySelector('img.attachment-thumb').scrollIntoView();");
		this.browser.await("""
				const img = document.querySelector('img.attachment-thumb');
				return img.complete && img.naturalWidth === 1600 && img.naturalHeight === 1200;""");
		assertThat(this.browser.js(DRAFT)).as("the draft is gone once the case is filed").isNull();
		assertThat(this.browser.findAll("a[href^='tel:+62812']")).isNotEmpty();
		assertThat(this.browser.findAll("a[href^='https://wa.me/62812']")).isNotEmpty();
		this.browser.look("case-filed-with-photo");

		this.browser.print(true);
		try {
			assertThat(this.browser.js("return getComputedStyle(document.querySelector('header')).display;"))
				.isEqualTo("none");
			assertThat(this.browser.findAll("main form").stream().filter(f -> f.isDisplayed()).toList()).isEmpty();
			assertThat(this.browser.pageText())
				.contains(this.ticket, "Mbok Sumiati", this.nik.substring(0, 4) + "********" + this.nik.substring(12))
				.doesNotContain(this.nik)
				.doesNotContain("Keluar");
		}
		finally {
			this.browser.print(false);
		}
	}

	@Test
	@Order(4)
	void aSubmitWithoutConnectionKeepsTheDraftAndSaysSo() {
		this.browser.open("/kasus/baru");
		assertThat(this.browser.find("#beneficiaryName").getDomProperty("value")).as("a filed case leaves no draft")
			.isEmpty();
		this.browser.type("#beneficiaryName", "Pak Darsono Sinyal Hilang");
		this.browser.type("#address", "Dusun Sumberayu");
		this.browser.offline(true);
		try {
			this.browser.find(".form-actions button[type=submit]").click();
			this.browser.await("return !document.getElementById('draft-status').hidden;");

			assertThat(this.browser.path()).startsWith("/kasus/baru");
			assertThat(this.browser.text("#draft-status")).contains("Tidak ada koneksi internet", "tersimpan");
			assertThat((String) this.browser.js(DRAFT)).contains("Pak Darsono Sinyal Hilang");
			this.browser.use(Browser.Screen.PHONE);
			this.browser.use(Browser.Screen.DESKTOP);
		}
		finally {
			this.browser.offline(false);
		}
		this.browser.open("/kasus/baru");
		assertThat(this.browser.find("#beneficiaryName").getDomProperty("value"))
			.isEqualTo("Pak Darsono Sinyal Hilang");
		this.browser.look("filing-form-offline-draft");
	}

	@Test
	@Order(5)
	void anotherOperatorOnTheSameBrowserNeverSeesTheDraft() {
		this.browser.logout();
		this.browser.login("upt.genteng");
		this.browser.open("/kasus/baru");

		assertThat(this.browser.find("#beneficiaryName").getDomProperty("value")).isEmpty();
		assertThat(this.browser.find("#address").getDomProperty("value")).isEmpty();
		assertThat(this.browser.find("#draft-status").isDisplayed()).isFalse();
	}

	@Test
	@Order(6)
	void aDashboardRefreshAfterTheSessionEndedLeadsToLoginAndBackToTheDashboard() {
		this.browser.open("/dasbor?period=7d");
		assertThat(this.browser.path()).startsWith("/dasbor");
		this.jdbc.sql("DELETE FROM spring_session WHERE principal_name = 'upt.genteng'").update();

		// What the 30-second refresh does (htmx), without waiting for it.
		this.browser.js("htmx.ajax('GET', '/dasbor?period=7d', { target: 'main', swap: 'innerHTML' });");
		this.browser.await("return location.pathname === '/login';");

		assertThat(this.browser.path()).isEqualTo("/login?expired");
		assertThat(this.browser.pageText()).contains("Sesi Anda berakhir");
		this.browser.type("#username", "upt.genteng");
		this.browser.type("#password", "banyuwangi");
		this.browser.clickToLoad("form button[type=submit]");
		assertThat(this.browser.path()).startsWith("/dasbor?period=7d");
	}

	@Test
	@Order(7)
	void everyPageLooksRight() {
		System.out.println(this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

	/**
	 * A 4000 × 3000 photo as a phone takes it: noisy, so that it stays large as a JPEG
	 * (about 8 MB).
	 */
	private static Path phonePhoto() throws IOException {
		BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int y = 0; y < 3000; y++) {
			for (int x = 0; x < 4000; x++) {
				int r = (x * 255 / 4000 + random.nextInt(90)) & 0xff;
				int g = (y * 255 / 3000 + random.nextInt(90)) & 0xff;
				int b = random.nextInt(256);
				image.setRGB(x, y, (r << 16) | (g << 8) | b);
			}
		}
		Path file = Files.createTempDirectory("ugd-photo-").resolve("IMG_20261201_083012.jpg");
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(0.95f);
		try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return file;
	}

}
