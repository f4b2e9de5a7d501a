package id.ugdkemiskinan.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.imageio.ImageIO;

import id.ugdkemiskinan.support.CaseData;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WhatsApp as an intake channel in headless Chromium: a resident writes with a photo
 * (Simulasi WhatsApp, demo mode), the Muncar operator finds the conversation in "Pesan
 * masuk", opens it, files a case from it with the form prefilled, and the case has the
 * photo. The operator's part is timed and its clicks and fields counted. Each page is
 * looked at ({@link Browser#look}) at 1366 and 360 px.
 */
@TestPropertySource(properties = { "ugd.demo.cases=false", "ugd.dashboard.rollup-enabled=false",
		"ugd.delivery.sender-enabled=false", "ugd.inbox.media-enabled=false", "ugd.test.database=ugd_inbox_browser" })
class InboxBrowserTests extends BrowserTestSupport {

	private static final Logger log = LoggerFactory.getLogger(InboxBrowserTests.class);

	@Autowired
	JdbcClient jdbc;

	private long looking;

	@Test
	@Order(1)
	void aResidentWritesWithAPhotoThroughTheSimulation() throws IOException {
		this.browser.login("upt.muncar");
		this.browser.open("/pesan-masuk");
		this.browser.clickToLoad("#simulation-link");
		// Looked at before typing: looking reloads the page.
		this.browser.look("inbox-simulation");
		this.browser.type("#sim-phone", "0812-3456-7001");
		this.browser.type("#sim-name", "Bu Sulastri");
		this.browser.type("#sim-text",
				"Assalamualaikum, anak saya sakit demam tinggi 3 hari, kami tidak punya BPJS. Rumah di Dusun Krajan RT 2 RW 5.");
		this.browser.find("#sim-photo").sendKeys(photo().toAbsolutePath().toString());
		new Select(this.browser.find("#sim-kecamatan")).selectByValue("35.10.05");
		this.browser.clickToLoad("#simulation-form button[type=submit]");
		assertThat(this.browser.pageText()).contains("Pesan terkirim ke kotak masuk.");
	}

	@Test
	@Order(2)
	void theOperatorFilesACaseFromTheConversationInUnderAMinute() {
		long started = System.nanoTime();
		int clicks = 0;
		int fields = 0;
		this.browser.open("/pesan-masuk");
		assertThat(this.browser.text("nav")).contains("Pesan masuk");
		assertThat(this.browser.text("#conversations")).contains("Bu Sulastri", "+62812•••7001", "demam tinggi");
		lookUntimed("inbox-list");
		this.browser.clickToLoad("#conversations .conversation-link");
		clicks++;
		assertThat(this.browser.pageText()).contains("Dalam 24 jam sejak pesan terakhir warga");
		assertThat(this.browser.findAll("#messages img")).hasSize(1);
		lookUntimed("inbox-conversation");
		this.browser.clickToLoad("#file-case");
		clicks++;
		assertThat(this.browser.find("#beneficiaryPhone").getDomProperty("value")).isEqualTo("+6281234567001");
		assertThat(this.browser.find("#description").getDomProperty("value")).startsWith("Assalamualaikum");
		assertThat(this.browser.find("#channel").getDomProperty("value")).isEqualTo("WHATSAPP");
		assertThat(this.browser.find("#source-file-0").isSelected()).isTrue();
		lookUntimed("inbox-filing-prefilled");

		new Select(this.browser.find("#desaCode")).selectByValue(CaseData.MUNCAR_DESA);
		fields++;
		this.browser.type("#address", "Dusun Krajan RT 2 RW 5");
		fields++;
		this.browser.type("#beneficiaryName", "Sulastri");
		fields++;
		this.browser.find("input[type=checkbox][name=nikUnknown]").click();
		fields++;
		this.browser.type("#nikUnknownReason", "Belum ditanyakan lewat WhatsApp");
		fields++;
		this.browser.find("#category-KESEHATAN").click();
		fields++;
		this.browser.clickToLoad(".form-actions button[type=submit]");
		clicks++;
		Duration took = Duration.ofNanos(System.nanoTime() - started - this.looking);

		assertThat(this.browser.path()).matches("/kasus/UGD-\\d{2}-\\d{6}");
		String ticket = this.browser.path().substring("/kasus/".length());
		Map<String, Object> kase = this.jdbc.sql(
				"SELECT c.id, c.channel, (SELECT count(*) FROM attachment a WHERE a.case_id = c.id) AS files FROM case_file c WHERE c.ticket = :t")
			.param("t", ticket)
			.query()
			.singleRow();
		assertThat(kase).containsEntry("channel", "WHATSAPP").containsEntry("files", 1L);
		assertThat(this.jdbc.sql("SELECT status FROM wa_conversation WHERE case_id = :c")
			.param("c", kase.get("id"))
			.query(String.class)
			.single()).isEqualTo("FILED");
		log.info("A WhatsApp message became case {} in {} ms of the (scripted) operator: {} clicks, {} fields", ticket,
				took.toMillis(), clicks, fields);
		assertThat(took).isLessThan(Duration.ofMinutes(1));
		this.browser.look("inbox-filed-case");
		assertThat(this.browser.problems()).isEmpty();
	}

	/** Looks at the page (screenshots, reloads), not counted in the operator's time. */
	private void lookUntimed(String name) {
		long start = System.nanoTime();
		this.browser.look(name);
		this.looking += System.nanoTime() - start;
	}

	/** A 640×480 "photo" of a house. */
	private static Path photo() throws IOException {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(135, 190, 230));
		g.fillRect(0, 0, 640, 480);
		g.setColor(new Color(120, 90, 60));
		g.fillRect(180, 220, 280, 200);
		g.setColor(new Color(170, 40, 30));
		g.fillPolygon(new int[] { 150, 320, 490 }, new int[] { 230, 100, 230 }, 3);
		g.dispose();
		Path file = Files.createTempDirectory("ugd-wa-").resolve("IMG-20261201-WA0001.jpg");
		ImageIO.write(image, "jpeg", file.toFile());
		return file;
	}

}
