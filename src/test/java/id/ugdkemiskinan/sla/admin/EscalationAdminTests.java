package id.ugdkemiskinan.sla.admin;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.sla.EscalationChain;
import id.ugdkemiskinan.sla.EscalationStep;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The admin's escalation chain page in the browser's way (forms, CSRF, redirects): add,
 * edit, deactivate a level, each audited and in force at once for the sweeper; bad input
 * gets a field message in Bahasa Indonesia, never a 500; only the admin reaches it.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_escalation_admin")
class EscalationAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EscalationChain chain;

	Cookie admin;

	long pimpinan;

	@BeforeEach
	void theDefaultChain() throws Exception {
		this.admin = Logins.login(this.mvc, "admin");
		this.jdbc.sql("DELETE FROM escalation_recipient").update();
		this.jdbc.sql("DELETE FROM escalation_level").update();
		this.jdbc
			.sql("INSERT INTO escalation_level (level, name, after_minutes, at_risk_percent) "
					+ "VALUES (1, 'Pimpinan', 240, 75)")
			.update();
		this.jdbc.sql("INSERT INTO escalation_recipient (level, role) VALUES (1, 'PIMPINAN')").update();
		this.jdbc.sql("DELETE FROM change_audit WHERE entity_type = 'ESCALATION_LEVEL'").update();
		this.pimpinan = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'pimpinan'").query(Long.class).single();
	}

	@Test
	void theAdminAddsEditsAndDeactivatesLevelsEachAuditedAndInForceAtOnce() throws Exception {
		assertThat(page("/admin")).contains("/admin/sla/eskalasi");
		assertThat(page("/admin/sla")).contains("/admin/sla/eskalasi");
		assertThat(page("/admin/sla/eskalasi")).contains("Rantai eskalasi", "Level 1: Pimpinan",
				"4 j 00 m setelah batas waktu");

		// Level 1 moves to the secretariat at the due time; level 2 names one account.
		assertThat(redirect(post("/admin/sla/eskalasi/1").param("name", "Sekretariat")
			.param("afterMinutes", "0")
			.param("atRiskPercent", "50")
			.param("roles", "SEKRETARIAT")
			.param("version", "0"))).isEqualTo("/admin/sla/eskalasi#level-1");
		assertThat(redirect(post("/admin/sla/eskalasi").param("name", "Asisten/Sekda")
			.param("afterMinutes", "120")
			.param("atRiskPercent", "75")
			.param("userIds", Long.toString(this.pimpinan)))).isEqualTo("/admin/sla/eskalasi#level-2");
		assertThat(redirect(post("/admin/sla/eskalasi").param("name", "Bupati")
			.param("afterMinutes", "240")
			.param("atRiskPercent", "50")
			.param("roles", "PIMPINAN", "PETUGAS_DINAS"))).isEqualTo("/admin/sla/eskalasi#level-3");

		assertThat(this.chain.active()).containsExactly(
				new EscalationStep(1, "Sekretariat", java.time.Duration.ZERO, 50),
				new EscalationStep(2, "Asisten/Sekda", java.time.Duration.ofHours(2), 75),
				new EscalationStep(3, "Bupati", java.time.Duration.ofHours(4), 50));
		assertThat(this.jdbc
			.sql("SELECT level || ':' || coalesce(role, user_id::text) FROM escalation_recipient "
					+ "ORDER BY level, role")
			.query(String.class)
			.list()).containsExactly("1:SEKRETARIAT", "2:" + this.pimpinan, "3:PETUGAS_DINAS", "3:PIMPINAN");

		assertThat(redirect(post("/admin/sla/eskalasi/2/nonaktifkan").param("version", "0")))
			.isEqualTo("/admin/sla/eskalasi#level-2");
		assertThat(this.chain.active()).extracting(EscalationStep::level).containsExactly(1, 3);
		assertThat(page("/admin/sla/eskalasi")).contains("nonaktif", "Aktifkan");
		assertThat(redirect(post("/admin/sla/eskalasi/2/aktifkan").param("version", "1")))
			.isEqualTo("/admin/sla/eskalasi#level-2");
		assertThat(this.chain.active()).extracting(EscalationStep::level).containsExactly(1, 2, 3);

		assertThat(this.jdbc
			.sql("""
					SELECT entity_key || ' ' || action || ' ' || coalesce(before ->> 'name', '-') || ' > ' || (after ->> 'name')
					FROM change_audit WHERE entity_type = 'ESCALATION_LEVEL' ORDER BY id""")
			.query(String.class)
			.list()).containsExactly("1 UPDATED Pimpinan > Sekretariat", "2 CREATED - > Asisten/Sekda",
					"3 CREATED - > Bupati", "2 DEACTIVATED Asisten/Sekda > Asisten/Sekda",
					"2 ACTIVATED Asisten/Sekda > Asisten/Sekda");
		assertThat(page("/admin/riwayat")).contains("Level eskalasi");
	}

	@Test
	void aLevelChangedMeanwhileIsRefused() throws Exception {
		String body = fieldError(post("/admin/sla/eskalasi/1").param("name", "Pimpinan")
			.param("afterMinutes", "200")
			.param("atRiskPercent", "75")
			.param("roles", "PIMPINAN")
			.param("version", "7"));
		assertThat(body).contains("baru saja diubah orang lain");
		assertThat(redirectFlash(post("/admin/sla/eskalasi/1/nonaktifkan").param("version", "7")))
			.isEqualTo("escalation.stale");
		assertThat(redirectFlash(post("/admin/sla/eskalasi/1/nonaktifkan").param("version", "abc")))
			.isEqualTo("escalation.stale");
		assertThat(this.jdbc.sql("SELECT after_minutes || ' ' || active FROM escalation_level WHERE level = 1")
			.query(String.class)
			.single()).isEqualTo("240 true");
		assertThat(auditRows()).isZero();
	}

	@Test
	void badValuesGetAFieldMessageNeverA500() throws Exception {
		Map<String, String> after = Map.of("", "Isi menit setelah batas waktu", "-5", "antara 0 dan 43200", "43201",
				"antara 0 dan 43200", "99999999999999", "harus berupa bilangan bulat", "dua jam",
				"harus berupa bilangan bulat", "1.5", "harus berupa bilangan bulat", "100",
				"lebih besar dari level sebelumnya");
		for (Map.Entry<String, String> bad : after.entrySet()) {
			assertThat(fieldError(add("Bupati", bad.getKey(), "75", "PIMPINAN"))).as(bad.getKey())
				.contains(bad.getValue());
		}
		Map<String, String> percent = Map.of("", "Isi persentase peringatan", "0", "antara 1 dan 99", "100",
				"antara 1 dan 99", "-1", "antara 1 dan 99", "x", "harus berupa bilangan bulat");
		for (Map.Entry<String, String> bad : percent.entrySet()) {
			assertThat(fieldError(add("Bupati", "480", bad.getKey(), "PIMPINAN"))).as(bad.getKey())
				.contains(bad.getValue());
		}
		assertThat(fieldError(add("", "480", "75", "PIMPINAN"))).contains("Isi nama level");
		assertThat(fieldError(add("   ", "480", "75", "PIMPINAN"))).contains("Isi nama level");
		assertThat(fieldError(add("x".repeat(81), "480", "75", "PIMPINAN"))).contains("paling panjang 80");
		// A control character (as a NUL byte) is refused by the input filter, before the
		// form.
		assertThat(status(add("Bupati\u0007", "480", "75", "PIMPINAN"))).isEqualTo(400);
		assertThat(fieldError(add("Bupati", "480", "75", "ADMIN"))).contains("Peran penerima tidak dikenal");
		assertThat(fieldError(post("/admin/sla/eskalasi").param("name", "Bupati")
			.param("afterMinutes", "480")
			.param("atRiskPercent", "75"))).contains("Pilih paling sedikit satu penerima");
		for (String user : List.of("abc", "-1", "999999999", "99999999999999999999", "")) {
			String body = fieldError(post("/admin/sla/eskalasi").param("name", "Bupati")
				.param("afterMinutes", "480")
				.param("atRiskPercent", "75")
				.param("userIds", user));
			assertThat(body).as(user)
				.containsAnyOf("Akun penerima tidak dikenal", "Pilih paling sedikit satu penerima");
		}
		long dinkes = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'dinkes'").query(Long.class).single();
		assertThat(fieldError(post("/admin/sla/eskalasi").param("name", "Bupati")
			.param("afterMinutes", "480")
			.param("atRiskPercent", "75")
			.param("userIds", Long.toString(dinkes)))).as("a dinas account does not see every case")
			.contains("Akun penerima tidak dikenal");
		// Editing level 1 of a two-level chain: not at or past level 2.
		this.jdbc
			.sql("INSERT INTO escalation_level (level, name, after_minutes, at_risk_percent) "
					+ "VALUES (2, 'Bupati', 480, 75)")
			.update();
		assertThat(fieldError(post("/admin/sla/eskalasi/1").param("name", "Pimpinan")
			.param("afterMinutes", "480")
			.param("atRiskPercent", "75")
			.param("roles", "PIMPINAN")
			.param("version", "0"))).contains("lebih kecil dari level berikutnya");
		// A NUL byte is refused by the input filter, before the form.
		assertThat(status(add("Bupati\0", "600", "75", "PIMPINAN"))).isEqualTo(400);
		assertThat(status(add("Bupati", "600\0", "75", "PIMPINAN"))).isEqualTo(400);
		assertThat(status(add("Bupati", "600", "75", "PIMPINAN\0"))).isEqualTo(400);
		// No such level, whatever the path says.
		assertThat(status(post("/admin/sla/eskalasi/99").param("name", "X"))).isEqualTo(404);
		assertThat(status(post("/admin/sla/eskalasi/abc").param("name", "X"))).isEqualTo(404);
		assertThat(status(post("/admin/sla/eskalasi/-1/nonaktifkan").param("version", "0"))).isEqualTo(404);
		assertThat(status(post("/admin/sla/eskalasi/99999999999999999999/aktifkan"))).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT count(*) FROM escalation_level").query(Integer.class).single()).isEqualTo(2);
		assertThat(auditRows()).isZero();
	}

	@Test
	void onlyTheAdminReachesThePage() throws Exception {
		for (String user : List.of("sekretariat", "pimpinan", "dinkes", "upt.muncar")) {
			Cookie other = Logins.login(this.mvc, user);
			assertThat(this.mvc.perform(get("/admin/sla/eskalasi").cookie(other)).andReturn().getResponse().getStatus())
				.as(user)
				.isEqualTo(403);
			assertThat(this.mvc
				.perform(post("/admin/sla/eskalasi/1/nonaktifkan").param("version", "0").cookie(other).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus()).as(user).isEqualTo(403);
		}
		assertThat(this.mvc.perform(post("/admin/sla/eskalasi/1/nonaktifkan").param("version", "0").cookie(this.admin))
			.andReturn()
			.getResponse()
			.getStatus()).as("no CSRF token").isEqualTo(403);
		assertThat(this.chain.active()).hasSize(1);
	}

	private MockHttpServletRequestBuilder add(String name, String after, String percent, String role) {
		return post("/admin/sla/eskalasi").param("name", name)
			.param("afterMinutes", after)
			.param("atRiskPercent", percent)
			.param("roles", role);
	}

	private long auditRows() {
		return this.jdbc.sql("SELECT count(*) FROM change_audit WHERE entity_type = 'ESCALATION_LEVEL'")
			.query(Long.class)
			.single();
	}

	private String page(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path).cookie(this.admin)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private String redirect(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.cookie(this.admin).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	private Object redirectFlash(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.cookie(this.admin).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getFlashMap().get("flashError");
	}

	private String fieldError(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.cookie(this.admin).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		String body = result.getResponse().getContentAsString();
		assertThat(body).containsAnyOf("invalid-feedback", "alert-danger");
		return body;
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.cookie(this.admin).with(csrf())).andReturn().getResponse().getStatus();
	}

}
