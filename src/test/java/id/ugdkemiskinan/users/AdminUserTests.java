package id.ugdkemiskinan.users;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AdminUserTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Cookie admin;

	@BeforeEach
	void logInAsAdmin() throws Exception {
		this.admin = Logins.login(this.mvc, "admin");
	}

	@Test
	void theUserListShowsEveryAccountWithRoleAndScope() throws Exception {
		this.mvc.perform(get("/admin/pengguna").cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("upt.genteng")))
			.andExpect(content().string(containsString("Genteng")))
			.andExpect(content().string(containsString("Dinas Pendidikan")));
	}

	@Test
	void anAdminCreatesAnOperatorWhoMustChangeTheTemporaryPasswordAtFirstLogin() throws Exception {
		MvcResult created = this.mvc
			.perform(post("/admin/pengguna").cookie(this.admin)
				.with(csrf())
				.param("username", "Siti.Rahma")
				.param("fullName", "Siti Rahmawati")
				.param("role", "OPERATOR_UPT")
				.param("kecamatanCode", "35.10.05"))
			.andExpect(redirectedUrl("/admin/pengguna"))
			.andReturn();
		String temporary = (String) created.getFlashMap().get("temporaryPassword");
		assertThat(temporary).hasSizeGreaterThanOrEqualTo(10);
		assertThat(this.jdbc.sql(
				"SELECT role || ':' || kecamatan_code || ':' || must_change_password FROM app_user WHERE username = 'siti.rahma'")
			.query(String.class)
			.single()).isEqualTo("OPERATOR_UPT:35.10.05:true");

		MvcResult login = Logins.submitLogin(this.mvc, "siti.rahma", temporary);
		assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/akun/kata-sandi");
		Cookie user = login.getResponse().getCookie(Logins.SESSION_COOKIE);
		this.mvc.perform(get("/kasus").cookie(user)).andExpect(redirectedUrl("/akun/kata-sandi"));

		this.mvc
			.perform(post("/akun/kata-sandi").cookie(user)
				.with(csrf())
				.param("currentPassword", temporary)
				.param("newPassword", "pendek")
				.param("confirmPassword", "pendek"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "password.tooShort"))
			.andExpect(content().string(containsString("Kata sandi minimal 10 karakter.")));
		this.mvc
			.perform(post("/akun/kata-sandi").cookie(user)
				.with(csrf())
				.param("currentPassword", temporary)
				.param("newPassword", "siti.rahma")
				.param("confirmPassword", "siti.rahma"))
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "password.sameAsUsername"));
		Cookie renewed = this.mvc
			.perform(post("/akun/kata-sandi").cookie(user)
				.with(csrf())
				.param("currentPassword", temporary)
				.param("newPassword", "kopi-muncar-2026")
				.param("confirmPassword", "kopi-muncar-2026"))
			.andExpect(redirectedUrl("/kasus"))
			.andReturn()
			.getResponse()
			.getCookie(Logins.SESSION_COOKIE);

		// The change gave the session a new id (see SessionEndTests).
		this.mvc.perform(get("/kasus").cookie(renewed)).andExpect(status().isOk());
		assertThat(Logins.submitLogin(this.mvc, "siti.rahma", "kopi-muncar-2026").getResponse().getRedirectedUrl())
			.isEqualTo("/kasus");
	}

	@Test
	void theNewUserFormHasEachFieldOnceWithItsLabel() throws Exception {
		String page = this.mvc.perform(get("/admin/pengguna/baru").cookie(this.admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String field : new String[] { "username", "fullName", "role", "kecamatanCode", "dinasCode" }) {
			assertThat(page.split("id=\"" + field + "\"", -1)).as(field).hasSize(2);
			assertThat(page).contains("for=\"" + field + "\"");
		}
	}

	@Test
	void theFormShowsFieldErrorsAndKeepsWhatWasTyped() throws Exception {
		this.mvc
			.perform(post("/admin/pengguna").cookie(this.admin)
				.with(csrf())
				.param("username", "upt.genteng")
				.param("fullName", "Nama Yang Diketik")
				.param("role", "OPERATOR_UPT"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "user.username.taken"))
			.andExpect(content().string(containsString("Nama pengguna ini sudah dipakai.")))
			.andExpect(content().string(containsString("value=\"Nama Yang Diketik\"")));
		this.mvc
			.perform(post("/admin/pengguna").cookie(this.admin)
				.with(csrf())
				.param("username", "baru.tanpa.lingkup")
				.param("fullName", "Tanpa Lingkup")
				.param("role", "OPERATOR_UPT"))
			.andExpect(model().attributeHasFieldErrorCode("form", "kecamatanCode", "user.kecamatan.required"));
		this.mvc
			.perform(post("/admin/pengguna").cookie(this.admin)
				.with(csrf())
				.param("username", "baru.kesra")
				.param("fullName", "Staf Kesra")
				.param("role", "PETUGAS_DINAS")
				.param("dinasCode", "KESRA"))
			.andExpect(model().attributeHasFieldErrorCode("form", "dinasCode", "user.dinas.required"));
		this.mvc
			.perform(post("/admin/pengguna").cookie(this.admin)
				.with(csrf())
				.param("username", "x")
				.param("fullName", "")
				.param("role", ""))
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "Pattern"))
			.andExpect(model().attributeHasFieldErrorCode("form", "fullName", "NotBlank"))
			.andExpect(model().attributeHasFieldErrors("form", "role"));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM app_user WHERE username IN ('baru.tanpa.lingkup', 'baru.kesra', 'x')")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDisabledUserCannotLogInUntilEnabledAgain() throws Exception {
		long id = userId("bpmd");

		this.mvc.perform(post("/admin/pengguna/{id}/nonaktifkan", id).cookie(this.admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/pengguna"));
		assertThat(Logins.submitLogin(this.mvc, "bpmd", Logins.DEMO_PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");

		this.mvc.perform(post("/admin/pengguna/{id}/aktifkan", id).cookie(this.admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/pengguna"));
		assertThat(Logins.submitLogin(this.mvc, "bpmd", Logins.DEMO_PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/antrian");
	}

	@Test
	void anAdminCannotDisableThemself() throws Exception {
		this.mvc.perform(post("/admin/pengguna/{id}/nonaktifkan", userId("admin")).cookie(this.admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/pengguna"));
		assertThat(this.jdbc.sql("SELECT enabled FROM app_user WHERE username = 'admin'").query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void aPasswordResetGivesATemporaryPasswordThatMustBeChanged() throws Exception {
		this.mvc.perform(post("/admin/pengguna").cookie(this.admin)
			.with(csrf())
			.param("username", "reset.saya")
			.param("fullName", "Reset Saya")
			.param("role", "PIMPINAN"));

		MvcResult reset = this.mvc
			.perform(
					post("/admin/pengguna/{id}/reset-kata-sandi", userId("reset.saya")).cookie(this.admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/pengguna"))
			.andReturn();

		String temporary = (String) reset.getFlashMap().get("temporaryPassword");
		assertThat(Logins.submitLogin(this.mvc, "reset.saya", temporary).getResponse().getRedirectedUrl())
			.isEqualTo("/akun/kata-sandi");
	}

	@Test
	void anUnknownUserIdIs404() throws Exception {
		this.mvc.perform(post("/admin/pengguna/{id}/reset-kata-sandi", 999999).cookie(this.admin).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/pengguna/{id}/reset-kata-sandi", "bukan-angka").cookie(this.admin).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void otherRolesCannotManageUsers() throws Exception {
		Cookie secretariat = Logins.login(this.mvc, "sekretariat");
		this.mvc
			.perform(post("/admin/pengguna/{id}/reset-kata-sandi", userId("admin")).cookie(secretariat).with(csrf()))
			.andExpect(status().isForbidden());
	}

	private long userId(String username) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	@Test
	void theUserListPagesAndRefusesAnUnreadablePage() throws Exception {
		Cookie admin = Logins.login(this.mvc, "admin");
		this.mvc.perform(get("/admin/pengguna").cookie(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Menampilkan 1–")));
		this.mvc.perform(get("/admin/pengguna").param("page", "abc").cookie(admin))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Parameter &#39;page&#39; tidak valid")));
		this.mvc.perform(get("/admin/pengguna").param("page", "1").cookie(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("tidak berisi apa pun")));
	}

}
