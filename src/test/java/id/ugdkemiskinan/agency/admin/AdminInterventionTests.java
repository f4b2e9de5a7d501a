package id.ugdkemiskinan.agency.admin;

import java.util.List;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.InterventionRef;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin's intervention and provider pages: changes, audit, validation, effect. */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=refdata_intervention")
class AdminInterventionTests {

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

	@Test
	void aPartnerProviderAndAnInterventionItDeliversAreAddedAndAudited() throws Exception {
		this.mvc.perform(get("/admin/intervensi/penyedia/baru").cookie(this.admin)).andExpect(status().isOk());
		this.mvc.perform(provider("BAZNAS_BWI", "BAZNAS", "", "Baznas Banyuwangi", "Banyuwangi Peduli"))
			.andExpect(redirectedUrl("/admin/intervensi"))
			.andExpect(flash().attribute("flashSuccess", "refdata.provider.created"));
		this.mvc.perform(provider("DINSOS_PROV", "DINAS", "DINSOS", "Dinas Sosial", ""))
			.andExpect(redirectedUrl("/admin/intervensi"));
		assertThat(this.jdbc.sql(
				"SELECT kind || ':' || coalesce(dinas_code, '-') || ':' || coalesce(programme, '-') FROM provider ORDER BY code")
			.query(String.class)
			.list()).containsExactly("BAZNAS:-:Banyuwangi Peduli", "DINAS:DINSOS:-");
		assertThat(audit("PROVIDER", "BAZNAS_BWI")).singleElement().asString().startsWith("CREATED|admin|null|");

		this.mvc.perform(get("/admin/intervensi/baru").cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Baznas Banyuwangi — Banyuwangi Peduli")));
		this.mvc
			.perform(post("/admin/intervensi").cookie(this.admin)
				.with(csrf())
				.param("code", "BEDAH_RUMAH_BAZNAS")
				.param("name", "Bedah rumah (Baznas)")
				.param("providerCode", "BAZNAS_BWI"))
			.andExpect(redirectedUrl("/admin/intervensi"));
		assertThat(this.agencies.interventions()).last()
			.extracting(InterventionRef::code)
			.isEqualTo("BEDAH_RUMAH_BAZNAS");
		// The dinas's resolve form names who delivers it.
		assertThat(this.agencies.interventions()).last()
			.extracting(InterventionRef::label)
			.isEqualTo("Bedah rumah (Baznas) — Baznas Banyuwangi · Banyuwangi Peduli");
		assertThat(audit("INTERVENTION", "BEDAH_RUMAH_BAZNAS")).singleElement()
			.asString()
			.contains("\"providerCode\": \"BAZNAS_BWI\"");
		this.mvc.perform(get("/admin/intervensi").cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Banyuwangi Peduli")));
	}

	@Test
	void badInputGetsFieldMessages() throws Exception {
		expectError(provider("", "BAZNAS", "", "Baznas", "Program"), "code", "refdata.field.required");
		expectError(provider("kecil", "BAZNAS", "", "Baznas", "Program"), "code", "refdata.category.code.pattern");
		expectError(provider("MITRA", "RAJA", "", "Mitra", "Program"), "kind", "refdata.provider.kind.required");
		expectError(provider("MITRA", "CSR", "", "", "Program"), "name", "refdata.field.required");
		expectError(provider("MITRA", "CSR", "", "x".repeat(151), "Program"), "name", "refdata.field.tooLong");
		expectError(provider("MITRA", "CSR", "", "PT Contoh", ""), "programme", "refdata.field.required");
		expectError(provider("MITRA", "DINAS", "TIDAK_ADA", "Dinas", ""), "dinasCode",
				"refdata.provider.dinas.required");
		this.mvc.perform(provider("MITRA", "CSR", "", "PT Con\u0000toh", "P")).andExpect(status().isBadRequest());
		expectError(intervention("", "Nama", ""), "code", "refdata.field.required");
		expectError(intervention("PKH", "Nama", ""), "code", "refdata.intervention.code.taken");
		expectError(intervention("BARU", "", ""), "name", "refdata.field.required");
		expectError(intervention("BARU", "x".repeat(101), ""), "name", "refdata.field.tooLong");
		expectError(intervention("BARU", "Nama", "TIDAK_ADA"), "providerCode", "refdata.intervention.provider.unknown");
		assertThat(this.jdbc.sql("SELECT count(*) FROM provider WHERE code = 'MITRA'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void renameOrderAndDeactivateAreVersionCheckedAndTheResolveListFollows() throws Exception {
		this.mvc
			.perform(post("/admin/intervensi/PKH").cookie(this.admin)
				.with(csrf())
				.param("name", "PKH (Kemensos)")
				.param("providerCode", "")
				.param("version", "0"))
			.andExpect(redirectedUrl("/admin/intervensi"));
		assertThat(this.agencies.interventions()).extracting(InterventionRef::name).contains("PKH (Kemensos)");
		this.mvc
			.perform(post("/admin/intervensi/PKH").cookie(this.admin)
				.with(csrf())
				.param("name", "Lain")
				.param("version", "0"))
			.andExpect(status().isConflict());
		for (String version : new String[] { "", "x", "-1" }) {
			this.mvc
				.perform(post("/admin/intervensi/PKH").cookie(this.admin)
					.with(csrf())
					.param("name", "Lain")
					.param("version", version))
				.andExpect(status().isBadRequest());
		}

		List<String> before = this.agencies.interventions().stream().map(InterventionRef::code).toList();
		int at = before.indexOf("PKH");
		this.mvc.perform(post("/admin/intervensi/PKH/naik").cookie(this.admin).with(csrf()).param("version", "1"))
			.andExpect(redirectedUrl("/admin/intervensi"));
		assertThat(this.agencies.interventions().get(at - 1).code()).isEqualTo("PKH");

		long version = this.jdbc.sql("SELECT version FROM intervention WHERE code = 'PKH'").query(Long.class).single();
		this.mvc
			.perform(post("/admin/intervensi/PKH/nonaktifkan").cookie(this.admin)
				.with(csrf())
				.param("version", Long.toString(version)))
			.andExpect(redirectedUrl("/admin/intervensi"));
		assertThat(this.agencies.interventions()).extracting(InterventionRef::code).doesNotContain("PKH");
		assertThat(this.agencies.interventionNames()).containsEntry("PKH", "PKH (Kemensos)");
		assertThat(audit("INTERVENTION", "PKH")).last().asString().startsWith("DEACTIVATED|admin|");
		this.mvc
			.perform(post("/admin/intervensi/PKH/aktifkan").cookie(this.admin)
				.with(csrf())
				.param("version", Long.toString(version)))
			.andExpect(flash().attribute("flashError", "refdata.stale"));
	}

	@Test
	void unknownCodesAnswer404AndOnlyTheAdminMayChange() throws Exception {
		this.mvc.perform(get("/admin/intervensi/TIDAK_ADA").cookie(this.admin)).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/intervensi/bukan-kode").cookie(this.admin)).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/admin/intervensi/penyedia/TIDAK_ADA/nonaktifkan").cookie(this.admin)
				.with(csrf())
				.param("version", "0"))
			.andExpect(status().isNotFound());
		Cookie other = Logins.login(this.mvc, "dinsos");
		this.mvc.perform(get("/admin/intervensi").cookie(other)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/intervensi").cookie(other).with(csrf()).param("code", "SUSUP").param("name", "Susup"))
			.andExpect(status().isForbidden());
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM intervention WHERE code = 'SUSUP'").query(Integer.class).single())
			.isZero();
	}

	private MockHttpServletRequestBuilder provider(String code, String kind, String dinas, String name,
			String programme) {
		return post("/admin/intervensi/penyedia").cookie(this.admin)
			.with(csrf())
			.param("code", code)
			.param("kind", kind)
			.param("dinasCode", dinas)
			.param("name", name)
			.param("programme", programme);
	}

	private MockHttpServletRequestBuilder intervention(String code, String name, String provider) {
		return post("/admin/intervensi").cookie(this.admin)
			.with(csrf())
			.param("code", code)
			.param("name", name)
			.param("providerCode", provider);
	}

	private void expectError(MockHttpServletRequestBuilder request, String field, String messageKey) throws Exception {
		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", field, messageKey));
	}

	private List<String> audit(String type, String key) {
		return this.jdbc
			.sql("""
					SELECT action || '|' || actor_name || '|' || coalesce(before::text, 'null') || '|' || coalesce(after::text, 'null')
					FROM change_audit WHERE entity_type = :type AND entity_key = :key ORDER BY id""")
			.param("type", type)
			.param("key", key)
			.query(String.class)
			.list();
	}

}
