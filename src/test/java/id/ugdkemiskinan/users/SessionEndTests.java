package id.ugdkemiskinan.users;

import id.ugdkemiskinan.users.login.LoginThrottleTests;
import id.ugdkemiskinan.users.account.UserAdministration;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Disabling an account, an admin's password reset and the owner's own password change end
 * the account's open sessions at once (issue 13, item 8); real sessions in PostgreSQL.
 */
@IntegrationTest
class SessionEndTests {

	private static final String PASSWORD = "rahasia-sesi-8";

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
	void disablingAnAccountEndsEveryOpenSessionOfItAtOnce() throws Exception {
		dinasAccount("sesi.nonaktif");
		Cookie first = Logins.login(this.mvc, "sesi.nonaktif", PASSWORD);
		Cookie second = Logins.login(this.mvc, "sesi.nonaktif", PASSWORD);
		this.mvc.perform(get("/antrian").cookie(first)).andExpect(status().isOk());
		assertThat(sessionsOf("sesi.nonaktif")).isEqualTo(2);

		this.mvc
			.perform(post("/admin/pengguna/{id}/nonaktifkan", userId("sesi.nonaktif")).cookie(this.admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/pengguna"));

		assertThat(sessionsOf("sesi.nonaktif")).isZero();
		this.mvc.perform(get("/antrian").cookie(first)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/antrian").cookie(second)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/admin/pengguna").cookie(this.admin)).andExpect(status().isOk());
	}

	@Test
	void aDisabledAccountsApiCallsFailAtOnce() throws Exception {
		dinasAccount("sesi.api");
		this.mvc.perform(get("/api/v1/assignments").with(LoginThrottleTests.basic("sesi.api", PASSWORD)))
			.andExpect(status().isOk());

		this.mvc.perform(post("/admin/pengguna/{id}/nonaktifkan", userId("sesi.api")).cookie(this.admin).with(csrf()));

		this.mvc.perform(get("/api/v1/assignments").with(LoginThrottleTests.basic("sesi.api", PASSWORD)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anAdminsPasswordResetEndsEveryOpenSessionOfTheAccount() throws Exception {
		dinasAccount("sesi.reset");
		Cookie session = Logins.login(this.mvc, "sesi.reset", PASSWORD);
		this.mvc.perform(get("/antrian").cookie(session)).andExpect(status().isOk());

		this.mvc
			.perform(
					post("/admin/pengguna/{id}/reset-kata-sandi", userId("sesi.reset")).cookie(this.admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/pengguna"));

		this.mvc.perform(get("/antrian").cookie(session)).andExpect(redirectedUrl("/login"));
		assertThat(sessionsOf("sesi.reset")).isZero();
	}

	@Test
	void aPasswordChangeEndsTheOtherSessionsAndGivesTheChangingOneANewId() throws Exception {
		dinasAccount("sesi.ganti");
		Cookie other = Logins.login(this.mvc, "sesi.ganti", PASSWORD);
		Cookie changing = Logins.login(this.mvc, "sesi.ganti", PASSWORD);

		MvcResult change = this.mvc
			.perform(post("/akun/kata-sandi").cookie(changing)
				.with(csrf())
				.param("currentPassword", PASSWORD)
				.param("newPassword", "kopi-genteng-2026")
				.param("confirmPassword", "kopi-genteng-2026"))
			.andExpect(redirectedUrl("/antrian"))
			.andReturn();

		Cookie renewed = change.getResponse().getCookie(Logins.SESSION_COOKIE);
		assertThat(renewed).as("a new session cookie").isNotNull();
		assertThat(renewed.getValue()).isNotEqualTo(changing.getValue());
		this.mvc.perform(get("/antrian").cookie(renewed)).andExpect(status().isOk());
		// the old id, and another session of the same account
		this.mvc.perform(get("/antrian").cookie(changing)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/antrian").cookie(other)).andExpect(redirectedUrl("/login"));
		assertThat(sessionsOf("sesi.ganti")).isEqualTo(1);
	}

	private void dinasAccount(String username) {
		this.administration.createIfAbsent(username, "Uji Sesi", PASSWORD, Role.PETUGAS_DINAS, null, "DINSOS");
	}

	private long sessionsOf(String username) {
		return this.jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	private long userId(String username) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

}
