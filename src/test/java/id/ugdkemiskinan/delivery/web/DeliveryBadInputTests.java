package id.ugdkemiskinan.delivery.web;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The values the delivery pages and the WhatsApp webhook bind, at their edges: too long,
 * a NUL byte, a date in year 0, empty. A field message or a 400 in Bahasa Indonesia,
 * never a 500, never a value stored changed.
 */
@IntegrationTest
class DeliveryBadInputTests {

	private static final String LONG_EMAIL = "a".repeat(250) + "@ugd.test";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Cookie admin;

	@BeforeEach
	void logIn() throws Exception {
		this.admin = Logins.login(this.mvc, "admin");
		this.jdbc.sql("DELETE FROM dinas_duty_contact WHERE dinas_code = 'BPMD'").update();
	}

	@Test
	void aDutyContactTooLongOrWithANulIsRefusedAndNothingIsStored() throws Exception {
		String page = this.mvc
			.perform(post("/admin/pengiriman/kontak-piket/BPMD").cookie(this.admin)
				.with(csrf())
				.param("email", LONG_EMAIL)
				.param("phone", "0812" + "3".repeat(40)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Alamat email tidak valid", "Nomor HP tidak valid");
		this.mvc
			.perform(post("/admin/pengiriman/kontak-piket/BPMD").cookie(this.admin)
				.with(csrf())
				.param("email", "piket\u0000@ugd.test"))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT count(*) FROM dinas_duty_contact WHERE dinas_code = 'BPMD'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anAccountsContactTooLongIsAFieldMessage() throws Exception {
		long id = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'pimpinan'").query(Long.class).single();
		String before = contacts(id);
		String page = this.mvc
			.perform(post("/admin/pengguna/{id}/kontak", id).cookie(this.admin)
				.with(csrf())
				.param("email", LONG_EMAIL)
				.param("phone", "+62" + "8".repeat(30)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Alamat email tidak valid", "Nomor HP tidak valid");
		assertThat(contacts(id)).isEqualTo(before);
	}

	@Test
	void preferencesWithALongOrANulValueOrNoChannelAreABadRequest() throws Exception {
		Cookie dindik = Logins.login(this.mvc, "dindik");
		for (String bad : new String[] { "NEW_ASSIGNMENT:" + "X".repeat(500), "NEW_ASSIGNMENT:EMAIL\u0000",
				"NEW_ASSIGNMENT" }) {
			this.mvc.perform(post("/akun/notifikasi").cookie(dindik).with(csrf()).param("on", bad))
				.andExpect(status().isBadRequest());
		}
	}

	@Test
	void theLogsDatesInYearZeroOrWithANulAreABadRequestAndAnEmptyFilterFiltersNothing() throws Exception {
		for (String bad : new String[] { "from=0000-01-01", "to=10000-01-01", "channel=EMAIL%00",
				"kind=" + "X".repeat(300) }) {
			String body = this.mvc.perform(get("/admin/pengiriman/log?" + bad).cookie(this.admin))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(bad).isNotBlank();
		}
		this.mvc.perform(get("/admin/pengiriman/log?channel=&status=&kind=&from=&to=").cookie(this.admin))
			.andExpect(status().isOk());
	}

	@Test
	void theWebhooksHandshakeWithAWrongOrBrokenValueIsRefusedInProblemJson() throws Exception {
		this.mvc
			.perform(get("/api/v1/whatsapp/webhook").param("hub.mode", "subscribe")
				.param("hub.verify_token", "x".repeat(5000))
				.param("hub.challenge", "1158201444"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(get("/api/v1/whatsapp/webhook").param("hub.mode", "subscribe")
				.param("hub.verify_token", "token\u0000")
				.param("hub.challenge", "1158201444"))
			// Refused by the input filter before the controller (its problem JSON is
			// rendered
			// by the error dispatch, which MockMvc does not run; BadInputTests covers
			// it).
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/whatsapp/webhook").contentType(MediaType.APPLICATION_JSON).content(""))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private String contacts(long id) {
		return this.jdbc.sql("SELECT coalesce(email, '') || '|' || coalesce(phone, '') FROM app_user WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

}
