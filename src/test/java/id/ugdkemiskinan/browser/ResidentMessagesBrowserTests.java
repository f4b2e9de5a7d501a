package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.delivery.ResidentMessages;
import id.ugdkemiskinan.delivery.channel.MessageTexts;
import id.ugdkemiskinan.delivery.channel.OutgoingMessage;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages to residents as the admin sees them: the delivery log (all, and filtered by a
 * resident kind) and the Kotak keluar, with the receipt's access code hidden; and the
 * secretariat's choice of the "dibuka kembali oleh warga" notice.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_resident_messages_browser", "ugd.delivery.poll-interval=PT0.5S" })
class ResidentMessagesBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageTexts texts;

	@Autowired
	ResidentMessages messages;

	@Autowired
	MutableClock clock;

	@Test
	@Order(1)
	void theAdminSeesTheResidentsMessagesInTheLogAndTheKotakKeluar() {
		Instant at = Instant.parse("2026-12-01T01:00:00Z");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("ticket", "UGD-26-000042");
		params.put("accessCode", "K7MQX-3PA9R");
		params.put("filedAt", "1 Des 2026 08.00 WIB");
		params.put("dinasDue", "Dinas Sosial (respon paling lambat 1 Des 2026 12.00 WIB); "
				+ "Dinas Pendidikan (respon paling lambat 1 Des 2026 12.00 WIB)");
		params.put("dinas", "Dinas Sosial");
		params.put("respondedAt", "1 Des 2026 09.20 WIB");
		params.put("link", "http://localhost:8080/cek");
		int i = 0;
		for (DeliveryKind kind : new DeliveryKind[] { DeliveryKind.RESIDENT_RECEIPT, DeliveryKind.RESIDENT_RESPONDED,
				DeliveryKind.RESIDENT_RESOLVED, DeliveryKind.RESIDENT_CLOSED, DeliveryKind.RESIDENT_RECEIPT }) {
			boolean sms = i == 4;
			ChannelType channel = sms ? ChannelType.WEBHOOK : ChannelType.WHATSAPP;
			MessageTexts.Preview preview = this.texts
				.preview(new OutgoingMessage(0, "x", kind, channel, "+6281299990001", "Warga", params));
			this.jdbc
				.sql("""
						INSERT INTO delivery (delivery_key, kind, channel, recipient, recipient_label, ticket, params, status,
						                      outbox, attempts, next_attempt_at, last_error, subject, body, created_at,
						                      sent_at, updated_at)
						VALUES (:key, :kind, :channel, '+6281299990001', 'Warga', 'UGD-26-000042', '{}', :status, :outbox, 1,
						        :at, :error, :subject, :body, :at, :sent, :at)""")
				.param("key", "browser-resident:" + i)
				.param("kind", kind.name())
				.param("channel", channel.name())
				.param("status", sms ? "SKIPPED" : "SENT")
				.param("outbox", !sms)
				.param("at", Timestamp.from(at.plusSeconds(900L * i)))
				.param("error", sms ? "warga menarik persetujuan menerima kabar sebelum pesan dikirim" : null)
				.param("subject", sms ? null : preview.subject())
				.param("body", sms ? null : preview.text())
				.param("sent", sms ? null : Timestamp.from(at.plusSeconds(900L * i + 3)))
				.update();
			i++;
		}
		Instant now = this.clock.instant();
		long reply = this.messages.reply("wa-reply:browser", "+6281299990001",
				"Baik Bu, petugas Dinas Sosial akan datang besok pagi. Mohon siapkan KK.", now.minusSeconds(600), null,
				now);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "SENT".equals(this.jdbc.sql("SELECT status FROM delivery WHERE id = :id")
				.param("id", reply)
				.query(String.class)
				.single()));

		this.browser.login("admin");
		this.browser.open("/admin/pengiriman/log");
		assertThat(this.browser.pageText()).contains("Warga: tanda terima", "Warga: sudah tertangani?",
				"Warga: balasan kotak masuk", "menarik persetujuan");
		this.browser.look("admin-log-residents");
		this.browser.open("/admin/pengiriman/log?kind=RESIDENT_RECEIPT");
		assertThat(this.browser.pageText()).contains("Warga: tanda terima", "Menampilkan 1–2 dari 2");
		this.browser.look("admin-log-resident-receipt");
		this.browser.open("/admin/pengiriman/kotak-keluar");
		assertThat(this.browser.pageText())
			.contains("Tanda terima untuk warga UGD-26-000042", "Sudah tertangani?", "Balasan kotak masuk untuk warga",
					"•••••-•••••")
			.doesNotContain("K7MQX");
		this.browser.look("admin-outbox-residents");
		this.browser.logout();
	}

	@Test
	@Order(2)
	void theSecretariatMayChooseHowItHearsOfAReopening() {
		this.browser.login("sekretariat");
		this.browser.open("/akun/notifikasi");
		assertThat(this.browser.pageText()).contains("Dibuka kembali oleh warga").doesNotContain("Warga: tanda terima");
		this.browser.look("notification-settings-reopened");
		this.browser.logout();
	}

	@Test
	@Order(3)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-resident-messages.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

}
