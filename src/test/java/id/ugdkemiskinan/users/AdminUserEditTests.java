package id.ugdkemiskinan.users;

import java.util.List;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.users.account.UserAdministration;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin edits an account's name, role and scope (audited, version-checked; a new role
 * or scope ends the open sessions at once) and unlocks it (audited).
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=refdata_users")
class AdminUserEditTests {

	private static final String PASSWORD = "rahasia-ubah-17";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration administration;

	@Autowired
	JdbcClient jdbc;

	Cookie admin;

	@BeforeEach
	void logInAsAdmin() throws Exception {
		this.admin = Logins.login(this.mvc, "admin");
	}

	@Test
	void aNewScopeEndsTheOpenSessionsAndIsAudited() throws Exception {
		this.administration.createIfAbsent("ubah.lingkup", "Uji Ubah", PASSWORD, Role.PETUGAS_DINAS, null, "DINSOS");
		Cookie session = Logins.login(this.mvc, "ubah.lingkup", PASSWORD);
		this.mvc.perform(get("/antrian").cookie(session)).andExpect(status().isOk());
		long id = userId("ubah.lingkup");
		this.mvc.perform(get("/admin/pengguna/{id}/ubah", id).cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Uji Ubah")));

		this.mvc.perform(edit(id, "Uji Ubah Baru", "PETUGAS_DINAS", null, "DINKES", version(id)))
			.andExpect(redirectedUrl("/admin/pengguna"));

		assertThat(this.jdbc.sql("SELECT full_name || ':' || role || ':' || dinas_code FROM app_user WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("Uji Ubah Baru:PETUGAS_DINAS:DINKES");
		this.mvc.perform(get("/antrian").cookie(session)).andExpect(redirectedUrl("/login"));
		assertThat(audit("ubah.lingkup")).singleElement()
			.asString()
			.startsWith("UPDATED|admin|{")
			.contains("\"dinasCode\": \"DINSOS\"", "\"dinasCode\": \"DINKES\"", "\"fullName\": \"Uji Ubah Baru\"")
			.doesNotContain("password");

		// A new name alone leaves the sessions open.
		Cookie again = Logins.login(this.mvc, "ubah.lingkup", PASSWORD);
		this.mvc.perform(edit(id, "Uji Nama Saja", "PETUGAS_DINAS", null, "DINKES", version(id)))
			.andExpect(redirectedUrl("/admin/pengguna"));
		this.mvc.perform(get("/antrian").cookie(again)).andExpect(status().isOk());

		// A role change: an operator of Genteng now.
		this.mvc.perform(edit(id, "Uji Nama Saja", "OPERATOR_UPT", "35.10.09", null, version(id)))
			.andExpect(redirectedUrl("/admin/pengguna"));
		this.mvc.perform(get("/antrian").cookie(again)).andExpect(redirectedUrl("/login"));
		assertThat(this.jdbc
			.sql("SELECT role || ':' || kecamatan_code || ':' || (dinas_code IS NULL) FROM app_user WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("OPERATOR_UPT:35.10.09:true");
	}

	@Test
	void badInputGetsFieldMessagesAndAStaleFormChangesNothing() throws Exception {
		this.administration.createIfAbsent("ubah.salah", "Uji Salah", PASSWORD, Role.PETUGAS_DINAS, null, "DINSOS");
		long id = userId("ubah.salah");
		String v = version(id);
		this.mvc.perform(edit(id, "", "PETUGAS_DINAS", null, "DINSOS", v))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "fullName"));
		this.mvc.perform(edit(id, "x".repeat(101), "PETUGAS_DINAS", null, "DINSOS", v))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "fullName"));
		this.mvc.perform(edit(id, "Nama", "RAJA", null, null, v))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "role"));
		this.mvc.perform(edit(id, "Nama", "PETUGAS_DINAS", null, "KESRA", v))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "dinasCode", "user.dinas.required"));
		this.mvc.perform(edit(id, "Nama", "OPERATOR_UPT", "99.99.99", null, v))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "kecamatanCode", "user.kecamatan.required"));
		this.mvc.perform(edit(id, "Na\u0000ma", "PETUGAS_DINAS", null, "DINSOS", v)).andExpect(status().isBadRequest());
		for (String version : new String[] { "", "abc", "-1" }) {
			this.mvc.perform(edit(id, "Nama", "PETUGAS_DINAS", null, "DINSOS", version))
				.andExpect(status().isBadRequest());
		}
		this.mvc.perform(edit(id, "Nama Baru", "PETUGAS_DINAS", null, "DINSOS", v))
			.andExpect(redirectedUrl("/admin/pengguna"));
		this.mvc.perform(edit(id, "Nama Lain", "PETUGAS_DINAS", null, "DINSOS", v))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("baru saja diubah orang lain")));
		assertThat(this.jdbc.sql("SELECT full_name FROM app_user WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("Nama Baru");
		this.mvc.perform(get("/admin/pengguna/{id}/ubah", 999999).cookie(this.admin)).andExpect(status().isNotFound());
		this.mvc.perform(edit(999999, "Nama", "ADMIN", null, null, "0")).andExpect(status().isNotFound());

		long me = userId("admin");
		this.mvc.perform(edit(me, "Admin", "PIMPINAN", null, null, version(me)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "role", "refdata.user.ownRole"));
	}

	@Test
	void onlyTheAdminMayEditAndUnlockIsAudited() throws Exception {
		this.administration.createIfAbsent("ubah.kunci", "Uji Kunci", PASSWORD, Role.PETUGAS_DINAS, null, "DINSOS");
		long id = userId("ubah.kunci");
		Cookie other = Logins.login(this.mvc, "sekretariat");
		this.mvc.perform(get("/admin/pengguna/{id}/ubah", id).cookie(other)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/pengguna/{id}/ubah", id).cookie(other)
				.with(csrf())
				.param("fullName", "Susup")
				.param("role", "ADMIN")
				.param("version", version(id)))
			.andExpect(status().isForbidden());
		assertThat(
				this.jdbc.sql("SELECT role FROM app_user WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("PETUGAS_DINAS");

		for (int i = 0; i < 3; i++) {
			Logins.submitLogin(this.mvc, "ubah.kunci", "salah-terus-" + i);
		}
		this.mvc.perform(post("/admin/pengguna/{id}/buka-kunci", id).cookie(this.admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/pengguna"));
		assertThat(this.jdbc.sql("""
				SELECT action || '|' || actor_name || '|' || before::text || '|' || after::text FROM change_audit
				WHERE entity_type = 'USER_LOGIN_FAILURES' AND entity_key = 'ubah.kunci'""")
			.query(String.class)
			.single()).isEqualTo(
					"UPDATED|admin|{\"failures\": 3, \"username\": \"ubah.kunci\"}|{\"failures\": 0, \"username\": \"ubah.kunci\"}");
		Logins.login(this.mvc, "ubah.kunci", PASSWORD);
	}

	private MockHttpServletRequestBuilder edit(long id, String fullName, String role, String kecamatan, String dinas,
			String version) {
		MockHttpServletRequestBuilder request = post("/admin/pengguna/{id}/ubah", id).cookie(this.admin)
			.with(csrf())
			.param("fullName", fullName)
			.param("role", role)
			.param("version", version);
		if (kecamatan != null) {
			request.param("kecamatanCode", kecamatan);
		}
		if (dinas != null) {
			request.param("dinasCode", dinas);
		}
		return request;
	}

	private String version(long id) {
		return this.jdbc.sql("SELECT version::text FROM app_user WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private long userId(String username) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	private List<String> audit(String username) {
		return this.jdbc.sql("""
				SELECT action || '|' || actor_name || '|' || before::text || '|' || after::text
				FROM change_audit WHERE entity_type = 'USER' AND entity_key = :u ORDER BY id""")
			.param("u", username)
			.query(String.class)
			.list();
	}

}
