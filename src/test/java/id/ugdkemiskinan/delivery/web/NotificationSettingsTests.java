package id.ugdkemiskinan.delivery.web;

import java.util.List;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.AfterEach;
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

/** "Notifikasi saya": the kinds of the role, the defaults, saving, and bad values. */
@IntegrationTest
class NotificationSettingsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void forgetChoices() {
		this.jdbc.sql("DELETE FROM delivery_preference").update();
	}

	@Test
	void eachRoleSeesItsKinds() throws Exception {
		assertThat(page("dindik"))
			.contains("Penugasan baru", "Hampir terlambat", "Terlambat", "Kasus DARURAT",
					"value=\"NEW_ASSIGNMENT:EMAIL\"", "value=\"DARURAT:WHATSAPP\"")
			.doesNotContain("Ringkasan harian", "value=\"TRIAGE:EMAIL\"");
		assertThat(page("sekretariat"))
			.contains("Kasus untuk triase", "Penugasan dikembalikan", "Terlambat", "value=\"TRIAGE:EMAIL\"",
					"value=\"RETURNED:WHATSAPP\"")
			.doesNotContain("value=\"NEW_ASSIGNMENT:EMAIL\"", "value=\"DIGEST:EMAIL\"");
		assertThat(page("pimpinan"))
			.contains("Eskalasi", "Ringkasan harian", "value=\"ESCALATED:WHATSAPP\"", "value=\"DIGEST:EMAIL\"")
			.doesNotContain("value=\"BREACHED:EMAIL\"");
		assertThat(page("upt.muncar"))
			.contains("Menunggu konfirmasi warga", "Kasus ditolak", "value=\"AWAITING_CONFIRMATION:EMAIL\"",
					"value=\"CASE_REJECTED:WHATSAPP\"")
			.doesNotContain("value=\"TRIAGE:EMAIL\"");
		assertThat(page("admin")).contains("Peran Anda tidak menerima notifikasi di luar aplikasi.")
			.doesNotContain("type=\"checkbox\"");
	}

	@Test
	void withoutAChoiceTheKindsDefaultsHold() throws Exception {
		assertThat(checked(page("dindik"))).containsExactly("NEW_ASSIGNMENT:EMAIL", "AT_RISK:EMAIL", "BREACHED:EMAIL",
				"BREACHED:WHATSAPP", "DARURAT:WHATSAPP");
		assertThat(checked(page("pimpinan"))).containsExactly("ESCALATED:EMAIL", "ESCALATED:WHATSAPP", "DIGEST:EMAIL",
				"DARURAT:WHATSAPP");
	}

	@Test
	void thePageShowsTheOwnContactsAndThatChannelsGoToTheOutboxInDemoMode() throws Exception {
		assertThat(page("dindik")).contains("dindik@ugd.test", "+6281200000005",
				"Mode demo: pesan Email dan WhatsApp tidak dikirim");
		this.jdbc.sql("UPDATE app_user SET phone = NULL WHERE username = 'dinkes'").update();
		try {
			assertThat(page("dinkes")).contains("dinkes@ugd.test", "belum diisi — minta admin mengisinya");
		}
		finally {
			this.jdbc.sql("UPDATE app_user SET phone = '+6281200000006' WHERE username = 'dinkes'").update();
		}
	}

	@Test
	void choicesAreSavedAndShownOnReload() throws Exception {
		Cookie dindik = Logins.login(this.mvc, "dindik");
		this.mvc
			.perform(post("/akun/notifikasi").cookie(dindik)
				.with(csrf())
				.param("on", "NEW_ASSIGNMENT:WHATSAPP", "BREACHED:EMAIL", "DARURAT:WHATSAPP"))
			.andExpect(redirectedUrl("/akun/notifikasi"))
			.andExpect(flash().attribute("flashSuccess", "delivery.preferences.saved"));
		List<String> stored = this.jdbc.sql("""
				SELECT p.kind || ':' || p.channel || '=' || p.enabled FROM delivery_preference p
				JOIN app_user u ON u.id = p.user_id WHERE u.username = 'dindik' ORDER BY 1""")
			.query(String.class)
			.list();
		assertThat(stored).containsExactly("AT_RISK:EMAIL=false", "AT_RISK:WHATSAPP=false", "BREACHED:EMAIL=true",
				"BREACHED:WHATSAPP=false", "DARURAT:EMAIL=false", "DARURAT:WHATSAPP=true", "NEW_ASSIGNMENT:EMAIL=false",
				"NEW_ASSIGNMENT:WHATSAPP=true");
		String page = this.mvc.perform(get("/akun/notifikasi").cookie(dindik))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(checked(page)).containsExactly("NEW_ASSIGNMENT:WHATSAPP", "BREACHED:EMAIL", "DARURAT:WHATSAPP");

		this.mvc.perform(post("/akun/notifikasi").cookie(dindik).with(csrf()))
			.andExpect(redirectedUrl("/akun/notifikasi"));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM delivery_preference p JOIN app_user u ON u.id = p.user_id
				WHERE u.username = 'dindik' AND p.enabled""").query(Long.class).single())
			.as("nothing ticked is everything off")
			.isZero();
	}

	@Test
	void unknownKindsAndChannelsAreABadRequestInBahasaIndonesia() throws Exception {
		Cookie dindik = Logins.login(this.mvc, "dindik");
		for (String bad : new String[] { "FOO:EMAIL", "NEW_ASSIGNMENT:FAX", "NEW_ASSIGNMENT:WEBHOOK", "DIGEST:EMAIL",
				"NEW_ASSIGNMENT", "" }) {
			String body = this.mvc
				.perform(post("/akun/notifikasi").cookie(dindik).with(csrf()).param("on", "BREACHED:EMAIL", bad))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(bad).contains("tidak dikenal untuk peran Anda");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM delivery_preference").query(Long.class).single())
			.as("a bad form stores nothing")
			.isZero();
		this.mvc.perform(post("/akun/notifikasi").cookie(dindik).param("on", "BREACHED:EMAIL"))
			.andExpect(status().isForbidden());
	}

	/** The values of the ticked checkboxes, in page order. */
	private static List<String> checked(String page) {
		List<String> values = new java.util.ArrayList<>();
		java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input[^>]*type=\"checkbox\"[^>]*>")
			.matcher(page);
		while (input.find()) {
			String tag = input.group();
			if (tag.contains("checked=\"checked\"")) {
				values.add(tag.replaceFirst("(?s).*value=\"([^\"]*)\".*", "$1"));
			}
		}
		return values;
	}

	private String page(String username) throws Exception {
		return this.mvc.perform(get("/akun/notifikasi").cookie(Logins.login(this.mvc, username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
