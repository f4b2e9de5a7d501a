package id.ugdkemiskinan.agency.admin;

import java.util.List;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

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

/**
 * The admin's dinas pages: each change, its audit line, its validation and its effect.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=refdata_dinas")
class AdminDinasTests {

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
	void theListShowsEveryDinasWithItsStatus() throws Exception {
		this.mvc.perform(get("/admin/dinas").cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dinas Pendidikan")))
			.andExpect(content().string(containsString("Sekretariat")))
			.andExpect(content().string(containsString("/admin/pengiriman/kontak-piket")));
	}

	@Test
	void anAdminAddsADinasAndTheChangeIsAudited() throws Exception {
		this.mvc.perform(get("/admin/dinas/baru").cookie(this.admin)).andExpect(status().isOk());
		this.mvc
			.perform(post("/admin/dinas").cookie(this.admin)
				.with(csrf())
				.param("code", "DINAS_PERUMAHAN")
				.param("name", " Dinas Perumahan dan Permukiman "))
			.andExpect(redirectedUrl("/admin/dinas"))
			.andExpect(flash().attribute("flashSuccess", "refdata.dinas.created"));
		assertThat(this.jdbc
			.sql("SELECT name || ':' || active || ':' || secretariat FROM dinas WHERE code = 'DINAS_PERUMAHAN'")
			.query(String.class)
			.single()).isEqualTo("Dinas Perumahan dan Permukiman:true:false");
		assertThat(audit("DINAS_PERUMAHAN")).containsExactly(
				"CREATED|admin|null|{\"code\": \"DINAS_PERUMAHAN\", \"name\": \"Dinas Perumahan dan Permukiman\", \"active\": true, \"version\": 0, \"secretariat\": false}");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM change_audit a JOIN app_user u ON u.id = a.actor_id
				WHERE u.username = 'admin' AND a.entity_key = 'DINAS_PERUMAHAN'""").query(Integer.class).single())
			.isEqualTo(1);
		assertThat(this.agencies.dinas("DINAS_PERUMAHAN")).isPresent();
	}

	@Test
	void theAddFormAnswersFieldMessagesForBadInput() throws Exception {
		addExpectingError("", "Nama", "code", "refdata.dinas.code.required");
		addExpectingError("dinas_kecil", "Nama", "code", "refdata.dinas.code.pattern");
		addExpectingError("1DINAS", "Nama", "code", "refdata.dinas.code.pattern");
		addExpectingError("A", "Nama", "code", "refdata.dinas.code.pattern");
		addExpectingError("A".repeat(21), "Nama", "code", "refdata.dinas.code.pattern");
		addExpectingError("DINSOS", "Nama", "code", "refdata.dinas.code.taken");
		addExpectingError("DINAS_BARU", "  ", "name", "refdata.dinas.name.required");
		addExpectingError("DINAS_BARU", "x".repeat(151), "name", "refdata.dinas.name.tooLong");
		this.mvc.perform(
				post("/admin/dinas").cookie(this.admin).with(csrf()).param("code", "DINAS_BARU").param("name", "Nama"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/admin/dinas").cookie(this.admin)
				.with(csrf())
				.param("code", "DINAS_NUL")
				.param("name", "Na\u0000ma"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/admin/dinas").cookie(this.admin).param("code", "DINAS_X").param("name", "Nama"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT count(*) FROM dinas WHERE code IN ('DINAS_NUL', 'DINAS_X')")
			.query(Integer.class)
			.single()).isZero();
		this.mvc.perform(
				post("/admin/dinas").cookie(this.admin).with(csrf()).param("code", "DINAS_BARU").param("name", "Nama"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kode ini sudah dipakai dinas lain.")));
	}

	@Test
	void renamingChangesTheDisplayNameOnlyAndIsVersionChecked() throws Exception {
		add("DINAS_GANTI", "Nama Lama");
		this.mvc.perform(get("/admin/dinas/DINAS_GANTI").cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nama Lama")));
		this.mvc
			.perform(post("/admin/dinas/DINAS_GANTI").cookie(this.admin)
				.with(csrf())
				.param("name", "Nama Baru")
				.param("version", "0"))
			.andExpect(redirectedUrl("/admin/dinas"));
		assertThat(this.jdbc.sql("SELECT name || ':' || version FROM dinas WHERE code = 'DINAS_GANTI'")
			.query(String.class)
			.single()).isEqualTo("Nama Baru:1");
		assertThat(audit("DINAS_GANTI")).last()
			.asString()
			.startsWith("UPDATED|admin|{\"code\": \"DINAS_GANTI\", \"name\": \"Nama Lama\"")
			.contains("|{\"code\": \"DINAS_GANTI\", \"name\": \"Nama Baru\"");

		// A second admin's form, shown before the rename, is stale now.
		this.mvc
			.perform(post("/admin/dinas/DINAS_GANTI").cookie(this.admin)
				.with(csrf())
				.param("name", "Nama Lain")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(model().attributeHasErrors("form"))
			.andExpect(content().string(containsString("baru saja diubah orang lain")));
		assertThat(this.jdbc.sql("SELECT name FROM dinas WHERE code = 'DINAS_GANTI'").query(String.class).single())
			.isEqualTo("Nama Baru");

		this.mvc
			.perform(post("/admin/dinas/DINAS_GANTI").cookie(this.admin)
				.with(csrf())
				.param("name", "")
				.param("version", "1"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "refdata.dinas.name.required"));
		for (String version : new String[] { "", "abc", "-1", "99999999999999999999" }) {
			this.mvc
				.perform(post("/admin/dinas/DINAS_GANTI").cookie(this.admin)
					.with(csrf())
					.param("name", "Nama")
					.param("version", version))
				.andExpect(status().isBadRequest());
		}
		this.mvc.perform(post("/admin/dinas/DINAS_GANTI").cookie(this.admin).with(csrf()).param("name", "Nama"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void unknownCodesAnswer404() throws Exception {
		this.mvc.perform(get("/admin/dinas/TIDAK_ADA").cookie(this.admin)).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/dinas/bukan-kode").cookie(this.admin)).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/admin/dinas/TIDAK_ADA").cookie(this.admin)
				.with(csrf())
				.param("name", "Nama")
				.param("version", "0"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/admin/dinas/TIDAK_ADA/nonaktifkan").cookie(this.admin).with(csrf()).param("version", "0"))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyTheAdminMayChangeDinas() throws Exception {
		for (String username : List.of("sekretariat", "dinkes", "upt.genteng", "pimpinan")) {
			Cookie other = Logins.login(this.mvc, username);
			this.mvc.perform(get("/admin/dinas").cookie(other)).andExpect(status().isForbidden());
			this.mvc.perform(
					post("/admin/dinas").cookie(other).with(csrf()).param("code", "DINAS_SUSUP").param("name", "Nama"))
				.andExpect(status().isForbidden());
		}
		assertThat(this.agencies.dinas("DINAS_SUSUP")).isEmpty();
	}

	@Test
	void aDeactivatedDinasIsNotRoutedToAndCanBeActivatedAgain() throws Exception {
		long version = version("DINKES");
		this.mvc
			.perform(post("/admin/dinas/DINKES/nonaktifkan").cookie(this.admin)
				.with(csrf())
				.param("version", Long.toString(version)))
			.andExpect(redirectedUrl("/admin/dinas"));
		assertThat(this.agencies.route(List.of("KESEHATAN"))).containsExactly("KESRA");
		assertThat(this.agencies.route(List.of("KESEHATAN", "PENDIDIKAN"))).containsExactly("DINDIK");
		assertThat(audit("DINKES")).last().asString().startsWith("DEACTIVATED|admin|");

		// A stale version changes nothing.
		this.mvc
			.perform(post("/admin/dinas/DINKES/aktifkan").cookie(this.admin)
				.with(csrf())
				.param("version", Long.toString(version)))
			.andExpect(redirectedUrl("/admin/dinas/DINKES"))
			.andExpect(flash().attribute("flashError", "refdata.stale"));
		assertThat(this.agencies.dinas("DINKES").orElseThrow().active()).isFalse();

		this.mvc
			.perform(post("/admin/dinas/DINKES/aktifkan").cookie(this.admin)
				.with(csrf())
				.param("version", Long.toString(version + 1)))
			.andExpect(redirectedUrl("/admin/dinas"));
		assertThat(this.agencies.route(List.of("KESEHATAN"))).containsExactly("DINKES");
		assertThat(audit("DINKES")).last().asString().startsWith("ACTIVATED|admin|");
	}

	@Test
	void theSecretariatMovesInOneStepAndCannotBeDeactivated() throws Exception {
		this.mvc
			.perform(post("/admin/dinas/KESRA/nonaktifkan").cookie(this.admin)
				.with(csrf())
				.param("version", Long.toString(version("KESRA"))))
			.andExpect(flash().attribute("flashError", "refdata.dinas.secretariatCannotDeactivate"));
		assertThat(this.agencies.dinas("KESRA").orElseThrow().active()).isTrue();

		add("SEKRETARIAT_BARU", "Sekretariat Baru");
		this.mvc.perform(
				post("/admin/dinas/SEKRETARIAT_BARU/sekretariat").cookie(this.admin).with(csrf()).param("version", "0"))
			.andExpect(redirectedUrl("/admin/dinas"));
		assertThat(this.agencies.secretariat().code()).isEqualTo("SEKRETARIAT_BARU");
		assertThat(this.jdbc.sql("SELECT count(*) FROM dinas WHERE secretariat").query(Integer.class).single())
			.isEqualTo(1);
		assertThat(audit("KESRA")).last()
			.asString()
			.contains("\"secretariat\": true}|")
			.endsWith("\"secretariat\": false}");
		assertThat(audit("SEKRETARIAT_BARU")).last().asString().endsWith("\"secretariat\": true}");
		// Nothing routes LAINNYA's rule away from KESRA: the rules are data of their own.
		assertThat(this.agencies.route(List.of("LAINNYA"))).containsExactly("KESRA");

		// An inactive dinas cannot become the secretariat.
		add("DINAS_TIDUR", "Dinas Tidur");
		this.mvc
			.perform(post("/admin/dinas/DINAS_TIDUR/nonaktifkan").cookie(this.admin).with(csrf()).param("version", "0"))
			.andExpect(redirectedUrl("/admin/dinas"));
		this.mvc
			.perform(post("/admin/dinas/DINAS_TIDUR/sekretariat").cookie(this.admin).with(csrf()).param("version", "1"))
			.andExpect(flash().attribute("flashError", "refdata.dinas.inactiveCannotBeSecretariat"));

		// Back, for the other tests.
		this.mvc
			.perform(post("/admin/dinas/KESRA/sekretariat").cookie(this.admin)
				.with(csrf())
				.param("version", Long.toString(version("KESRA"))))
			.andExpect(redirectedUrl("/admin/dinas"));
		assertThat(this.agencies.secretariat().code()).isEqualTo("KESRA");
	}

	private void add(String code, String name) throws Exception {
		this.mvc.perform(post("/admin/dinas").cookie(this.admin).with(csrf()).param("code", code).param("name", name))
			.andExpect(redirectedUrl("/admin/dinas"));
	}

	private void addExpectingError(String code, String name, String field, String messageKey) throws Exception {
		this.mvc.perform(post("/admin/dinas").cookie(this.admin).with(csrf()).param("code", code).param("name", name))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", field, messageKey));
	}

	private long version(String code) {
		return this.jdbc.sql("SELECT version FROM dinas WHERE code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	/** The audit lines of a dinas, oldest first: action|actor|before|after. */
	private List<String> audit(String code) {
		return this.jdbc
			.sql("""
					SELECT action || '|' || actor_name || '|' || coalesce(before::text, 'null') || '|' || coalesce(after::text, 'null')
					FROM change_audit WHERE entity_type = 'DINAS' AND entity_key = :code ORDER BY id""")
			.param("code", code)
			.query(String.class)
			.list();
	}

}
