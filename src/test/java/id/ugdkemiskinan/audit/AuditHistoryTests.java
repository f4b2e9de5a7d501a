package id.ugdkemiskinan.audit;

import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.common.ChangeAudit;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AuditHistoryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChangeAudit audit;

	@Autowired
	MutableClock clock;

	Cookie admin;

	@BeforeEach
	void logInAsAdmin() throws Exception {
		this.admin = Logins.login(this.mvc, "admin");
	}

	record Dinas(String name, boolean active) {
	}

	@Test
	void theHistoryShowsTheNewestChangeFirstWithWhoAndTheFieldsThatChanged() throws Exception {
		Instant now = this.clock.instant();
		this.audit.record(null, "Admin Satu", "AUDIT_TEST_A", "DINPERKIM", ChangeAudit.Action.CREATED, null,
				new Dinas("Dinas Perumahan", true), now.minusSeconds(120));
		this.audit.record(null, "Admin Dua", "AUDIT_TEST_A", "DINPERKIM", ChangeAudit.Action.UPDATED,
				new Dinas("Dinas Perumahan", true), new Dinas("Dinas Perumahan dan Permukiman", true),
				now.minusSeconds(60));
		String page = this.mvc.perform(get("/admin/riwayat").param("jenis", "AUDIT_TEST_A").cookie(this.admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Admin Dua", "Admin Satu", "DINPERKIM", "Diubah", "Dibuat",
				"Dinas Perumahan dan Permukiman");
		assertThat(page.indexOf("Admin Dua")).isLessThan(page.indexOf("Admin Satu"));
		String updated = page.substring(page.indexOf("Admin Dua"), page.indexOf("Admin Satu"));
		assertThat(updated).contains("<dt class=\"fw-semibold\">Nama</dt>")
			.doesNotContain("<dt class=\"fw-semibold\">Aktif</dt>")
			.contains("<del>Dinas Perumahan</del>", "<ins>Dinas Perumahan dan Permukiman</ins>");
	}

	@Test
	void aRoutingRuleChangeAppearsInTheHistory() throws Exception {
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/rute")
			.cookie(this.admin)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("category", "PENDIDIKAN")
			.param("dinas", "DINSOS")
			.param("kecamatan", "35.10.09"));
		try {
			this.mvc
				.perform(get("/admin/riwayat").param("jenis", "ROUTING_RULE")
					.param("kunci", "pendidikan/35.10.09")
					.cookie(this.admin))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("PENDIDIKAN/35.10.09/DINSOS")))
				.andExpect(content().string(containsString("Aturan rute")))
				.andExpect(content().string(containsString("<ins>DINSOS</ins>")));
		}
		finally {
			this.jdbc.sql("DELETE FROM routing_rule WHERE kecamatan_code IS NOT NULL").update();
		}
	}

	@Test
	void theKeyFilterMatchesTextInTheKeyAndTakesPercentLiterally() throws Exception {
		Instant now = this.clock.instant();
		this.audit.record(null, "Admin", "AUDIT_TEST_B", "ALPHA_1", ChangeAudit.Action.CREATED, null, Map.of("a", 1),
				now);
		this.audit.record(null, "Admin", "AUDIT_TEST_B", "BETA_2", ChangeAudit.Action.CREATED, null, Map.of("a", 2),
				now);
		this.mvc.perform(get("/admin/riwayat").param("jenis", "AUDIT_TEST_B").param("kunci", "alp").cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ALPHA_1")))
			.andExpect(content().string(not(containsString("BETA_2"))));
		this.mvc.perform(get("/admin/riwayat").param("jenis", "AUDIT_TEST_B").param("kunci", "%").cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("ALPHA_1"))));
	}

	@Test
	void theHistoryIsPaged() throws Exception {
		Instant now = this.clock.instant();
		for (int i = 0; i < 55; i++) {
			this.audit.record(null, "Admin", "AUDIT_TEST_C", String.format("KEY_%03d", i), ChangeAudit.Action.CREATED,
					null, Map.of("n", i), now.plusSeconds(i));
		}
		this.mvc.perform(get("/admin/riwayat").param("jenis", "AUDIT_TEST_C").cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("KEY_054")))
			.andExpect(content().string(containsString("KEY_005")))
			.andExpect(content().string(not(containsString("KEY_004"))));
		this.mvc.perform(get("/admin/riwayat").param("jenis", "AUDIT_TEST_C").param("page", "1").cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("KEY_004")))
			.andExpect(content().string(containsString("KEY_000")))
			.andExpect(content().string(not(containsString("KEY_005"))));
	}

	@Test
	void badFiltersAre400() throws Exception {
		String[][] bad = { { "jenis", "NO_SUCH_TYPE" }, { "jenis", "X".repeat(41) }, { "kunci", "K".repeat(101) },
				{ "kunci", "a\u0000b" }, { "page", "abc" }, { "page", "-1" }, { "page", "99999999999" } };
		for (String[] b : bad) {
			this.mvc.perform(get("/admin/riwayat").param(b[0], b[1]).cookie(this.admin))
				.andExpect(status().isBadRequest());
		}
	}

	@Test
	void onlyAnAdminSeesTheHistory() throws Exception {
		this.mvc.perform(get("/admin/riwayat").cookie(Logins.login(this.mvc, "upt.muncar")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theAdminNavigationLinksTheHistoryAndTheRules() throws Exception {
		this.mvc.perform(get("/admin/riwayat").cookie(this.admin))
			.andExpect(content().string(containsString("href=\"/admin\"")));
		this.mvc.perform(get("/admin").cookie(this.admin))
			.andExpect(content().string(containsString("href=\"/admin/riwayat\"")))
			.andExpect(content().string(containsString("href=\"/admin/rute\"")));
	}

}
