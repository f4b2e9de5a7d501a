package id.ugdkemiskinan.routing;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class RoutingRuleTests {

	static final String MUNCAR = "35.10.05";

	static final String GENTENG = "35.10.09";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Agencies agencies;

	Cookie admin;

	@BeforeEach
	void logInAsAdmin() throws Exception {
		this.admin = Logins.login(this.mvc, "admin");
	}

	/** Other tests expect the rules of V1: put them back. */
	@AfterEach
	void restoreTheSeededRules() {
		this.jdbc.sql("""
				DELETE FROM routing_rule WHERE kecamatan_code IS NOT NULL OR (category_code, dinas_code) NOT IN (
				    ('KESEHATAN', 'DINKES'), ('PENDIDIKAN', 'DINDIK'), ('BANTUAN_SOSIAL', 'DINSOS'),
				    ('RUMAH_TIDAK_LAYAK_HUNI', 'BPMD'), ('EKONOMI_PEKERJAAN', 'BPMD'), ('LAINNYA', 'KESRA'))""")
			.update();
		this.jdbc.sql("""
				INSERT INTO routing_rule (category_code, dinas_code) VALUES ('KESEHATAN', 'DINKES'),
				    ('PENDIDIKAN', 'DINDIK'), ('BANTUAN_SOSIAL', 'DINSOS'), ('RUMAH_TIDAK_LAYAK_HUNI', 'BPMD'),
				    ('EKONOMI_PEKERJAAN', 'BPMD'), ('LAINNYA', 'KESRA') ON CONFLICT DO NOTHING""").update();
	}

	@Test
	void theMostSpecificRuleWinsForTheCoastalKecamatanWhileOthersKeepTheKabupatenRule() throws Exception {
		addRule("RUMAH_TIDAK_LAYAK_HUNI", "DINSOS", MUNCAR).andExpect(redirectedUrl("/admin/rute"));

		String muncar = fileCase("upt.muncar", CaseData.MUNCAR_DESA, "RUMAH_TIDAK_LAYAK_HUNI");
		String genteng = fileCase("upt.genteng", CaseData.GENTENG_DESA, "RUMAH_TIDAK_LAYAK_HUNI");

		assertThat(assignedTo(muncar)).containsExactly("DINSOS");
		assertThat(assignedTo(genteng)).containsExactly("BPMD");
		// The other categories of Muncar keep the kabupaten's rules.
		assertThat(assignedTo(fileCase("upt.muncar", CaseData.MUNCAR_DESA, "KESEHATAN", "RUMAH_TIDAK_LAYAK_HUNI")))
			.containsExactlyInAnyOrder("DINKES", "DINSOS");
	}

	@Test
	void aCaseFiledAfterARuleChangeFollowsTheNewRuleAndAnOlderCaseKeepsItsAssignments() throws Exception {
		String before = fileCase("upt.muncar", CaseData.MUNCAR_DESA, "RUMAH_TIDAK_LAYAK_HUNI");
		assertThat(assignedTo(before)).containsExactly("BPMD");

		addRule("RUMAH_TIDAK_LAYAK_HUNI", "DINSOS", MUNCAR).andExpect(redirectedUrl("/admin/rute"));
		String after = fileCase("upt.muncar", CaseData.MUNCAR_DESA, "RUMAH_TIDAK_LAYAK_HUNI");

		assertThat(assignedTo(after)).containsExactly("DINSOS");
		assertThat(assignedTo(before)).containsExactly("BPMD");
	}

	@Test
	void removingTheKecamatanRuleFallsBackToTheKabupatenRule() throws Exception {
		long audited = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM change_audit").query(Long.class).single();
		addRule("RUMAH_TIDAK_LAYAK_HUNI", "DINSOS", MUNCAR);
		long id = ruleId("RUMAH_TIDAK_LAYAK_HUNI", "DINSOS", MUNCAR);
		this.mvc.perform(post("/admin/rute/{id}/hapus", id).cookie(this.admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/rute"));

		assertThat(assignedTo(fileCase("upt.muncar", CaseData.MUNCAR_DESA, "RUMAH_TIDAK_LAYAK_HUNI")))
			.containsExactly("BPMD");
		assertThat(this.jdbc
			.sql("SELECT action FROM change_audit WHERE entity_type = 'ROUTING_RULE' "
					+ "AND entity_key = 'RUMAH_TIDAK_LAYAK_HUNI/35.10.05/DINSOS' AND id > :since ORDER BY id")
			.param("since", audited)
			.query(String.class)
			.list()).containsExactly("CREATED", "DELETED");
	}

	@Test
	void aReopenedCaseIsRoutedByItsKecamatan() throws Exception {
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		String ticket = fileCase("upt.muncar", CaseData.MUNCAR_DESA, "BANTUAN_SOSIAL");
		long task = this.jdbc
			.sql("SELECT a.id FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t")
			.param("t", ticket)
			.query(Long.class)
			.single();
		ok(post("/penugasan/{id}/selesai", task).param("intervention", "PKH")
			.param("note", "Keluarga diusulkan dan ditetapkan sebagai penerima PKH."),
				Logins.login(this.mvc, "dinsos"));
		ok(post("/kasus/{t}/tutup", ticket).param("note", "Warga mengonfirmasi bantuan sudah diterima."), upt);
		addRule("RUMAH_TIDAK_LAYAK_HUNI", "DINKES", MUNCAR).andExpect(redirectedUrl("/admin/rute"));

		ok(post("/kasus/{t}/buka-kembali", ticket).param("reason", "Atap rumah roboh setelah hujan deras.")
			.param("categories", "RUMAH_TIDAK_LAYAK_HUNI"), upt);

		assertThat(assignedTo(ticket)).containsExactly("DINKES", "DINSOS");
	}

	private void ok(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Cookie session)
			throws Exception {
		MvcResult result = this.mvc.perform(request.cookie(session).with(csrf())).andReturn();
		assertThat(result.getFlashMap().get("actionError")).as("refused: %s", result.getFlashMap()).isNull();
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/kasus/UGD-");
	}

	@Test
	void aCategoryWithoutAnyRuleGoesToTheSecretariat() throws Exception {
		this.jdbc.sql("DELETE FROM routing_rule WHERE category_code = 'PENDIDIKAN'").update();
		assertThat(assignedTo(fileCase("upt.muncar", CaseData.MUNCAR_DESA, "PENDIDIKAN"))).containsExactly("KESRA");
		this.mvc
			.perform(get("/admin/rute").param("kategori", "PENDIDIKAN").param("kecamatan", MUNCAR).cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("akan dikirim ke sekretariat (tidak ada aturan)")));
	}

	@Test
	void thePreviewSaysWhatFilingDoes() throws Exception {
		addRule("RUMAH_TIDAK_LAYAK_HUNI", "DINSOS", MUNCAR);
		addRule("RUMAH_TIDAK_LAYAK_HUNI", "DINKES", MUNCAR);

		for (String[] where : List.of(new String[] { "upt.muncar", CaseData.MUNCAR_DESA, MUNCAR, "Muncar" },
				new String[] { "upt.genteng", CaseData.GENTENG_DESA, GENTENG, "Genteng" })) {
			List<String> filed = assignedTo(fileCase(where[0], where[1], "RUMAH_TIDAK_LAYAK_HUNI"));
			String names = String.join(", ",
					filed.stream().sorted().map(code -> this.agencies.dinas(code).orElseThrow().name()).toList());
			this.mvc
				.perform(get("/admin/rute").param("kategori", "RUMAH_TIDAK_LAYAK_HUNI")
					.param("kecamatan", where[2])
					.cookie(this.admin))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Kasus dengan kategori Rumah tidak layak huni di kecamatan "
						+ where[3] + " akan dikirim ke: " + names)));
			assertThat(List.copyOf(this.agencies.route(List.of("RUMAH_TIDAK_LAYAK_HUNI"), where[2])))
				.containsExactlyElementsOf(filed.stream().sorted().toList());
		}
	}

	@Test
	void theRulesPageListsTheRulesByCategoryThenKecamatan() throws Exception {
		addRule("RUMAH_TIDAK_LAYAK_HUNI", "DINSOS", MUNCAR);
		String page = this.mvc.perform(get("/admin/rute").cookie(this.admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Semua kecamatan", "Muncar", "Badan Pemberdayaan Masyarakat dan Desa");
		assertThat(page.indexOf("Badan Pemberdayaan")).isLessThan(page.lastIndexOf("Muncar"));
	}

	@Test
	void addingARuleIsAudited() throws Exception {
		addRule("KESEHATAN", "DINSOS", null).andExpect(redirectedUrl("/admin/rute"));
		Map<String, Object> row = this.jdbc
			.sql("SELECT actor_name, entity_key, action, before IS NULL AS no_before, after ->> 'dinas' AS dinas "
					+ "FROM change_audit WHERE entity_type = 'ROUTING_RULE' ORDER BY id DESC LIMIT 1")
			.query()
			.singleRow();
		assertThat(row).containsEntry("entity_key", "KESEHATAN/*/DINSOS")
			.containsEntry("action", "CREATED")
			.containsEntry("no_before", true)
			.containsEntry("dinas", "DINSOS");
	}

	@Test
	void aDuplicateRuleIsAFieldMessage() throws Exception {
		addRule("KESEHATAN", "DINKES", null).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Aturan ini sudah ada.")));
		addRule("RUMAH_TIDAK_LAYAK_HUNI", "DINSOS", MUNCAR).andExpect(redirectedUrl("/admin/rute"));
		addRule("RUMAH_TIDAK_LAYAK_HUNI", "DINSOS", MUNCAR).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Aturan ini sudah ada.")));
	}

	@Test
	void badInputToTheAddFormIsAFieldMessage() throws Exception {
		String[][] cases = { { "", "DINSOS", "", "Pilih kategori." }, { "KESEHATAN", "", "", "Pilih dinas." },
				{ "NOPE", "DINSOS", "", "Kategori tidak dikenal atau nonaktif." },
				{ "KESEHATAN", "NOPE", "", "Dinas tidak dikenal atau nonaktif." },
				{ "KESEHATAN", "DINSOS", "99.99.99", "Kecamatan tidak dikenal." },
				{ "KESEHATAN", "DINSOS", "35.10.05'; --", "Kecamatan tidak dikenal." },
				{ "KESEHATAN", "DIN\u0000SOS", "", "" }, { "K".repeat(500), "DINSOS", "", "Pilihan tidak valid." },
				{ "KESEHATAN", "DINSOS", "3".repeat(41), "Pilihan tidak valid." } };
		long rules = this.jdbc.sql("SELECT count(*) FROM routing_rule").query(Long.class).single();
		for (String[] c : cases) {
			addRule(c[0], c[1], c[2]).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString(c[3])));
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM routing_rule").query(Long.class).single()).isEqualTo(rules);
	}

	@Test
	void anInactiveDinasCannotBeChosen() throws Exception {
		this.jdbc.sql("UPDATE dinas SET active = false WHERE code = 'DINDIK'").update();
		try {
			addRule("KESEHATAN", "DINDIK", null).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Dinas tidak dikenal atau nonaktif.")));
		}
		finally {
			this.jdbc.sql("UPDATE dinas SET active = true WHERE code = 'DINDIK'").update();
		}
	}

	@Test
	void badInputToThePreviewIsAFieldMessage() throws Exception {
		String[][] cases = { { "", MUNCAR, "Pilih kategori." }, { "KESEHATAN", "", "Pilih kecamatan." },
				{ "NOPE", MUNCAR, "Kategori tidak dikenal atau nonaktif." },
				{ "KESEHATAN", "00.00.00", "Kecamatan tidak dikenal." }, { "KESEHATAN", "35.10\u000005", "" },
				{ "X".repeat(1000), MUNCAR, "Pilihan tidak valid." } };
		for (String[] c : cases) {
			this.mvc.perform(get("/admin/rute").param("kategori", c[0]).param("kecamatan", c[1]).cookie(this.admin))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString(c[2])));
		}
	}

	@Test
	void anUnknownOrUnreadableRuleIdIs404() throws Exception {
		this.mvc.perform(post("/admin/rute/{id}/hapus", 987654321).cookie(this.admin).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/rute/abc/hapus").cookie(this.admin).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyAnAdminManagesTheRules() throws Exception {
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		this.mvc.perform(get("/admin/rute").cookie(upt)).andExpect(status().isForbidden());
		this.mvc.perform(
				post("/admin/rute").cookie(upt).with(csrf()).param("category", "KESEHATAN").param("dinas", "DINSOS"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/rute").cookie(this.admin).param("category", "KESEHATAN").param("dinas", "DINSOS"))
			.andExpect(status().isForbidden());
	}

	private org.springframework.test.web.servlet.ResultActions addRule(String category, String dinas, String kecamatan)
			throws Exception {
		return this.mvc.perform(post("/admin/rute").cookie(this.admin)
			.with(csrf())
			.param("category", category)
			.param("dinas", dinas)
			.param("kecamatan", kecamatan == null ? "" : kecamatan));
	}

	private long ruleId(String category, String dinas, String kecamatan) {
		return this.jdbc
			.sql("SELECT id FROM routing_rule WHERE category_code = :c AND dinas_code = :d AND kecamatan_code = :k")
			.param("c", category)
			.param("d", dinas)
			.param("k", kecamatan)
			.query(Long.class)
			.single();
	}

	private String fileCase(String operator, String desa, String... categories) throws Exception {
		MvcResult result = this.mvc
			.perform(CaseData.form(CaseData.nik(), Map.of("desaCode", desa, "confirmDuplicate", "true"), categories)
				.cookie(Logins.login(this.mvc, operator))
				.with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("filed").startsWith("/kasus/UGD-");
		return result.getResponse().getRedirectedUrl().substring("/kasus/".length());
	}

	private List<String> assignedTo(String ticket) {
		return this.jdbc
			.sql("SELECT a.dinas_code FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t "
					+ "ORDER BY a.dinas_code")
			.param("t", ticket)
			.query(String.class)
			.list();
	}

}
