package id.ugdkemiskinan.delivery.web;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin's delivery pages: channels, duty contacts, the log with its retry, the Kotak
 * keluar.
 */
@IntegrationTest
class DeliveryAdminPagesTests {

	/** 1 Dec 2026 08.00 WIB. */
	static final Instant MORNING = Instant.parse("2026-12-01T01:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Cookie admin;

	@BeforeEach
	void logInAsAdmin() throws Exception {
		this.jdbc.sql("DELETE FROM delivery").update();
		this.admin = Logins.login(this.mvc, "admin");
	}

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("DELETE FROM delivery").update();
		this.jdbc.sql("DELETE FROM dinas_duty_contact").update();
	}

	@Test
	void onlyTheAdminOpensTheDeliveryPages() throws Exception {
		long id = insert("k1", "BREACHED", "EMAIL", "FAILED", false, MORNING);
		for (String user : new String[] { "sekretariat", "pimpinan", "dinsos", "upt.muncar" }) {
			Cookie cookie = Logins.login(this.mvc, user);
			for (String path : new String[] { "/admin/pengiriman", "/admin/pengiriman/kontak-piket",
					"/admin/pengiriman/log", "/admin/pengiriman/kotak-keluar" }) {
				this.mvc.perform(get(path).cookie(cookie)).andExpect(status().isForbidden());
			}
			this.mvc.perform(post("/admin/pengiriman/log/{id}/kirim-ulang", id).cookie(cookie).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/admin/pengiriman/kontak-piket/DINSOS").cookie(cookie)
					.with(csrf())
					.param("email", "x@ugd.test"))
				.andExpect(status().isForbidden());
		}
		assertThat(statusOf(id)).isEqualTo("FAILED");
	}

	@Test
	void theChannelsPageTellsWhatIsOffAndHowToTurnItOn() throws Exception {
		String page = body("/admin/pengiriman");
		assertThat(page).contains("Email", "WhatsApp", "Webhook", "Tidak dikonfigurasi.", "Mati · ke Kotak keluar",
				"SPRING_MAIL_HOST", "UGD_MAIL_FROM", "UGD_WHATSAPP_API_URL", "UGD_WHATSAPP_VERIFY_TOKEN",
				"UGD_WEBHOOK_URL", "UGD_WEBHOOK_SECRET", "href=\"/admin/pengiriman/kotak-keluar\"");
	}

	@Test
	void dutyContactsAreSavedNormalisedAndRemovedWhenBothAreEmpty() throws Exception {
		assertThat(body("/admin/pengiriman/kontak-piket")).contains("Dinas Sosial", "DINSOS", "BPMD");
		this.mvc
			.perform(post("/admin/pengiriman/kontak-piket/DINSOS").cookie(this.admin)
				.with(csrf())
				.param("email", " piket.dinsos@banyuwangikab.go.id ")
				.param("phone", "0812 9999 0000"))
			.andExpect(redirectedUrl("/admin/pengiriman/kontak-piket"))
			.andExpect(flash().attribute("flashSuccess", "delivery.duty.saved"));
		assertThat(this.jdbc.sql("""
				SELECT dc.email || '|' || dc.phone || '|' || u.username || '|' || (dc.updated_at IS NOT NULL)
				FROM dinas_duty_contact dc JOIN app_user u ON u.id = dc.updated_by WHERE dc.dinas_code = 'DINSOS'""")
			.query(String.class)
			.single()).isEqualTo("piket.dinsos@banyuwangikab.go.id|+6281299990000|admin|true");
		assertThat(body("/admin/pengiriman/kontak-piket")).contains("value=\"piket.dinsos@banyuwangikab.go.id\"",
				"value=\"+6281299990000\"", "Admin Sistem (demo)");

		String refused = this.mvc
			.perform(post("/admin/pengiriman/kontak-piket/DINSOS").cookie(this.admin)
				.with(csrf())
				.param("email", "piket@")
				.param("phone", "0333 421234"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Alamat email tidak valid", "Nomor HP tidak valid", "value=\"piket@\"",
				"aria-invalid=\"true\"");
		assertThat(this.jdbc.sql("SELECT email FROM dinas_duty_contact WHERE dinas_code = 'DINSOS'")
			.query(String.class)
			.single()).as("nothing changes on an error").isEqualTo("piket.dinsos@banyuwangikab.go.id");

		this.mvc
			.perform(post("/admin/pengiriman/kontak-piket/DINSOS").cookie(this.admin)
				.with(csrf())
				.param("email", "")
				.param("phone", " "))
			.andExpect(redirectedUrl("/admin/pengiriman/kontak-piket"))
			.andExpect(flash().attribute("flashSuccess", "delivery.duty.removed"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM dinas_duty_contact").query(Long.class).single()).isZero();

		this.mvc
			.perform(post("/admin/pengiriman/kontak-piket/NOPE").cookie(this.admin)
				.with(csrf())
				.param("email", "x@ugd.test"))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/pengiriman/kontak-piket/DINSOS").cookie(this.admin).param("email", "x@ugd.test"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theLogListsDeliveriesNewestFirstAndFilters() throws Exception {
		long older = insert("a", "NEW_ASSIGNMENT", "EMAIL", "SENT", false, MORNING.minusSeconds(3600));
		long newer = insert("b", "BREACHED", "WHATSAPP", "FAILED", true, MORNING);
		// 20 Nov 2026 18.00 UTC is already 21 Nov in Banyuwangi (WIB).
		long lateEvening = insert("c", "DIGEST", "EMAIL", "PENDING", false, Instant.parse("2026-11-20T18:00:00Z"));

		String page = body("/admin/pengiriman/log");
		assertThat(page).contains("Penugasan baru", "Terlambat", "Ringkasan harian", "UGD-26-000042",
				"href=\"/kasus/UGD-26-000042\"", "Petugas Uji", "uji@ugd.test", "Kotak keluar", "batas waktu habis",
				"Kirim ulang");
		assertThat(page.indexOf("delivery-" + newer)).isLessThan(page.indexOf("delivery-" + older));
		assertThat(page.indexOf("delivery-" + older)).isLessThan(page.indexOf("delivery-" + lateEvening));

		assertThat(ids("/admin/pengiriman/log?channel=WHATSAPP")).containsExactly(newer);
		assertThat(ids("/admin/pengiriman/log?status=SENT")).containsExactly(older);
		assertThat(ids("/admin/pengiriman/log?kind=DIGEST")).containsExactly(lateEvening);
		assertThat(ids("/admin/pengiriman/log?from=2026-11-21&to=2026-11-21")).containsExactly(lateEvening);
		assertThat(ids("/admin/pengiriman/log?to=2026-11-20")).isEmpty();
		assertThat(ids("/admin/pengiriman/log?from=2026-12-01&channel=EMAIL&status=&kind=")).containsExactly(older);
	}

	@Test
	void badFilterValuesAreABadRequestThatSaysWhy() throws Exception {
		String[][] cases = { { "channel=FAX", "FAX" }, { "status=LOST", "LOST" }, { "kind=DARURAT", "DARURAT" },
				{ "kind=new_assignment", "new_assignment" }, { "from=2026-13-01", "Tanggal" },
				{ "to=kemarin", "Tanggal" }, { "page=-1", "-1" }, { "page=abc", "abc" },
				{ "from=2026-12-02&to=2026-12-01", "sebelum tanggal awal" } };
		for (String[] bad : cases) {
			String body = this.mvc.perform(get("/admin/pengiriman/log?" + bad[0]).cookie(this.admin))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(bad[0]).contains(bad[1]);
		}
		this.mvc.perform(get("/admin/pengiriman/kotak-keluar?page=x").cookie(this.admin))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theLogPages() throws Exception {
		for (int i = 0; i < DeliveryAdminController.PAGE_SIZE + 3; i++) {
			insert("p" + i, "AT_RISK", "EMAIL", "SENT", false, MORNING.plusSeconds(i));
		}
		String first = body("/admin/pengiriman/log?channel=EMAIL");
		assertThat(first).contains("Menampilkan 1–50 dari 53", "page=1");
		String second = body("/admin/pengiriman/log?channel=EMAIL&page=1");
		assertThat(second).contains("Menampilkan 51–53 dari 53");
		assertThat(ids("/admin/pengiriman/log?channel=EMAIL&page=1")).hasSize(3);
	}

	@Test
	void kirimUlangMakesAFailedDeliveryDueAgainAndLeavesOthersAlone() throws Exception {
		long failed = insert("f", "BREACHED", "WHATSAPP", "FAILED", false, MORNING);
		long sent = insert("s", "BREACHED", "EMAIL", "SENT", false, MORNING);
		Instant now = MORNING.plusSeconds(600);
		this.clock.set(now);

		this.mvc
			.perform(post("/admin/pengiriman/log/{id}/kirim-ulang", failed).cookie(this.admin)
				.with(csrf())
				.param("status", "FAILED")
				.param("channel", "WHATSAPP")
				.param("from", "2026-12-01"))
			.andExpect(redirectedUrl("/admin/pengiriman/log?channel=WHATSAPP&status=FAILED&from=2026-12-01"))
			.andExpect(flash().attribute("flashSuccess", "delivery.retry.done"));
		assertThat(this.jdbc.sql("""
				SELECT status || '|' || attempts || '|' || (lease_until IS NULL) || '|' || (updated_at = :now)
				       || '|' || (next_attempt_at = :now)
				FROM delivery WHERE id = :id""")
			.param("id", failed)
			.param("now", Timestamp.from(now))
			.query(String.class)
			.single()).isEqualTo("PENDING|0|true|true|true");

		this.mvc.perform(post("/admin/pengiriman/log/{id}/kirim-ulang", sent).cookie(this.admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/pengiriman/log"))
			.andExpect(flash().attribute("flashError", "delivery.retry.notFailed"));
		assertThat(this.jdbc.sql("SELECT status || '|' || attempts FROM delivery WHERE id = :id")
			.param("id", sent)
			.query(String.class)
			.single()).isEqualTo("SENT|3");

		this.mvc.perform(post("/admin/pengiriman/log/{id}/kirim-ulang", 999_999_999L).cookie(this.admin).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/pengiriman/log/{id}/kirim-ulang", failed).cookie(this.admin))
			.andExpect(status().isForbidden());
		assertThat(body("/admin/pengiriman/log")).doesNotContain("kirim-ulang");
	}

	@Test
	void theOutboxListsTheMessagesThatWentThere() throws Exception {
		long inOutbox = insert("o1", "NEW_ASSIGNMENT", "EMAIL", "SENT", true, MORNING);
		long alsoInOutbox = insert("o2", "BREACHED", "WHATSAPP", "SENT", true, MORNING.plusSeconds(60));
		long sentForReal = insert("r", "BREACHED", "EMAIL", "SENT", false, MORNING.plusSeconds(120));

		String page = body("/admin/pengiriman/kotak-keluar");
		assertThat(page)
			.contains("message-" + inOutbox, "message-" + alsoInOutbox, "Subjek uji o1", "Isi pesan uji o2",
					"uji@ugd.test", "Mode demo")
			.doesNotContain("message-" + sentForReal);
		assertThat(page.indexOf("message-" + alsoInOutbox)).isLessThan(page.indexOf("message-" + inOutbox));
	}

	private long insert(String key, String kind, String channel, String status, boolean outbox, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO delivery (delivery_key, kind, channel, recipient, recipient_label, ticket, params, status,
				                      outbox, attempts, next_attempt_at, last_error, subject, body, created_at,
				                      sent_at, updated_at)
				VALUES (:key, :kind, :channel, 'uji@ugd.test', 'Petugas Uji', 'UGD-26-000042', '{}', :status, :outbox,
				        3, :at, :error, :subject, :body, :at, :sent, :at)
				RETURNING id""")
			.param("key", "webtest:" + key)
			.param("kind", kind)
			.param("channel", channel)
			.param("status", status)
			.param("outbox", outbox)
			.param("at", Timestamp.from(at))
			.param("error", "FAILED".equals(status) ? "batas waktu habis" : null)
			.param("subject", "Subjek uji " + key)
			.param("body", "Isi pesan uji " + key)
			.param("sent", "SENT".equals(status) ? Timestamp.from(at) : null)
			.query(Long.class)
			.single();
	}

	private String statusOf(long id) {
		return this.jdbc.sql("SELECT status FROM delivery WHERE id = :id").param("id", id).query(String.class).single();
	}

	private String body(String path) throws Exception {
		return this.mvc.perform(get(path).cookie(this.admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private java.util.List<Long> ids(String path) throws Exception {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"delivery-(\\d+)\"").matcher(body(path));
		java.util.List<Long> ids = new java.util.ArrayList<>();
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

}
