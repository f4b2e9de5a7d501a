package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery pages in headless Chromium, looked at by {@link Browser#look}: a person's
 * "Notifikasi saya", the admin's contacts form, channels, duty contacts, delivery log
 * (with its Kirim ulang) and Kotak keluar.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_delivery_browser" })
class DeliveryBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	@Order(1)
	void aPersonChoosesTheirNotifications() {
		this.browser.login("dinsos");
		this.browser.open("/akun/notifikasi");
		assertThat(this.browser.pageText()).contains("Notifikasi saya", "Penugasan baru", "dinsos@ugd.test");
		this.browser.look("notification-settings");
		assertThat(((Number) this.browser.js("return document.documentElement.scrollWidth;")).intValue())
			.as("the header of a dinas account, with its link to this page, fits the desktop")
			.isLessThanOrEqualTo(1366);
		this.browser.find("#NEW_ASSIGNMENT-WHATSAPP").click();
		this.browser.clickToLoad("form[action='/akun/notifikasi'] button[type=submit]");
		assertThat(this.browser.pageText()).contains("Pilihan notifikasi disimpan.");
		assertThat(this.browser.find("#NEW_ASSIGNMENT-WHATSAPP").isSelected()).isTrue();
		this.browser.logout();
	}

	@Test
	@Order(2)
	void theAdminSetsContactsAndLooksAtTheDeliveryPages() {
		Instant at = Instant.parse("2026-12-01T01:00:00Z");
		for (int i = 0; i < 6; i++) {
			boolean failed = i % 3 == 0;
			this.jdbc
				.sql("""
						INSERT INTO delivery (delivery_key, kind, channel, recipient, recipient_label, ticket, params, status,
						                      outbox, attempts, next_attempt_at, last_error, subject, body, created_at,
						                      sent_at, updated_at)
						VALUES (:key, :kind, :channel, :to, 'Petugas DINSOS (demo)', 'UGD-26-000042', '{}', :status, :outbox,
						        :attempts, :at, :error, :subject, :body, :at, :sent, :at)""")
				.param("key", "browser:" + i)
				.param("kind", (i % 2 == 0) ? "NEW_ASSIGNMENT" : "BREACHED")
				.param("channel", (i % 2 == 0) ? "EMAIL" : "WHATSAPP")
				.param("to", (i % 2 == 0) ? "dinsos@ugd.test" : "+6281200000004")
				.param("status", failed ? "FAILED" : "SENT")
				.param("outbox", !failed)
				.param("attempts", failed ? 5 : 1)
				.param("at", Timestamp.from(at.plusSeconds(600L * i)))
				.param("error", failed ? "SMTP 550: mailbox unavailable for a very long reason that wraps" : null)
				.param("subject", "[UGD] Penugasan baru UGD-26-000042 — Kecamatan Muncar")
				.param("body",
						"Penugasan baru untuk Dinas Sosial.\nTiket: UGD-26-000042\nKecamatan: Muncar\nBatas respon: 1 Des 2026 12.00\nhttp://localhost/kasus/UGD-26-000042")
				.param("sent", failed ? null : Timestamp.from(at.plusSeconds(600L * i + 5)))
				.update();
		}
		this.browser.login("admin");
		this.browser.open("/admin/pengguna");
		this.browser.look("admin-users-with-contacts");
		this.browser.clickToLoad("a[href$='/kontak'][aria-label$='dinsos']");
		this.browser.type("#phone", "0812-abc");
		this.browser.clickToLoad("form button[type=submit].btn-primary");
		assertThat(this.browser.pageText()).contains("Nomor HP tidak valid");
		this.browser.look("admin-user-contacts-error");

		this.browser.open("/admin/pengiriman");
		this.browser.look("admin-channels");
		this.browser.open("/admin/pengiriman/kontak-piket");
		this.browser.type("#email-DINSOS", "piket@");
		this.browser.clickToLoad("form[action$='/DINSOS'] button[type=submit]");
		assertThat(this.browser.pageText()).contains("Alamat email tidak valid");
		this.browser.look("admin-duty-contacts-error");
		this.browser.type("#email-DINSOS", "piket.dinsos@banyuwangikab.go.id");
		this.browser.type("#phone-DINSOS", "0812 9999 0000");
		this.browser.clickToLoad("form[action$='/DINSOS'] button[type=submit]");
		assertThat(this.browser.pageText()).contains("Kontak piket disimpan.");
		this.browser.look("admin-duty-contacts");

		this.browser.open("/admin/pengiriman/log?status=FAILED");
		this.browser.look("admin-log-failed");
		this.browser.clickToLoad("form[action$='/kirim-ulang'] button");
		assertThat(this.browser.path()).isEqualTo("/admin/pengiriman/log?status=FAILED");
		assertThat(this.browser.pageText()).contains("dijadwalkan ulang");
		this.browser.open("/admin/pengiriman/log");
		this.browser.look("admin-log");
		this.browser.open("/admin/pengiriman/kotak-keluar");
		assertThat(this.browser.pageText()).contains("Penugasan baru untuk Dinas Sosial.");
		this.browser.look("admin-outbox");
		this.browser.logout();
	}

	@Test
	@Order(3)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-delivery.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

}
