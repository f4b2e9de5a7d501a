package id.ugdkemiskinan.users;

import id.ugdkemiskinan.users.login.LoginThrottleTests;
import id.ugdkemiskinan.users.account.UserAdministration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input at login (issue 13, item 15): over-long user names and passwords are ordinary
 * failed logins, and the CSRF token is taken only from the form body or the header.
 */
@IntegrationTest
class LoginInputTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String PASSWORD = "rahasia-masuk-15";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration administration;

	@Test
	void aUserNameOverOneHundredCharactersIsAnOrdinaryFailedLogin() throws Exception {
		for (String username : new String[] { "a".repeat(101), "admin" + " ".repeat(50) + "x".repeat(5000) }) {
			assertThat(Logins.submitLogin(this.mvc, username, "salah-sekali").getResponse().getRedirectedUrl())
				.isEqualTo("/login?error");
		}
	}

	@Test
	void aUserNameOverOneHundredCharactersInBasicAuthIs401ProblemJson() throws Exception {
		this.mvc.perform(get("/api/v1/cases").with(LoginThrottleTests.basic("b".repeat(101), "salah-sekali")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc.perform(get("/api/v1/cases").with(LoginThrottleTests.basic("é".repeat(3000), "salah-sekali")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void aLoginWithAPasswordOverSeventyTwoBytesIsAnOrdinaryFailure() throws Exception {
		this.administration.createIfAbsent("aturan.masuk", "Uji Masuk", PASSWORD, Role.PIMPINAN, null, null);
		assertThat(Logins.submitLogin(this.mvc, "aturan.masuk", PASSWORD + "x".repeat(200))
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/login?error");
		this.mvc
			.perform(post("/akun/kata-sandi").cookie(Logins.login(this.mvc, "aturan.masuk", PASSWORD))
				.with(csrf())
				.param("currentPassword", "é".repeat(100))
				.param("newPassword", "kopi-muncar-2026")
				.param("confirmPassword", "kopi-muncar-2026"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "password.current.wrong"));
	}

	@Test
	void aCsrfTokenInTheQueryStringIsRefused() throws Exception {
		MvcResult page = this.mvc.perform(get("/login")).andReturn();
		Cookie session = page.getResponse().getCookie(Logins.SESSION_COOKIE);
		String token = csrfToken(page.getResponse().getContentAsString());

		this.mvc
			.perform(post("/login?_csrf={token}", token).cookie(session)
				.param("username", "pimpinan")
				.param("password", Logins.DEMO_PASSWORD)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/login?%5Fcsrf={token}", token).cookie(session)
				.param("username", "pimpinan")
				.param("password", Logins.DEMO_PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void theCsrfTokenIsTakenFromTheFormBodyOrTheHeader() throws Exception {
		MvcResult page = this.mvc.perform(get("/login")).andReturn();
		Cookie session = page.getResponse().getCookie(Logins.SESSION_COOKIE);
		String token = csrfToken(page.getResponse().getContentAsString());
		MvcResult body = this.mvc
			.perform(post("/login").cookie(session)
				.param("username", "pimpinan")
				.param("password", Logins.DEMO_PASSWORD)
				.param("_csrf", token))
			.andExpect(redirectedUrl("/dasbor"))
			.andReturn();

		Cookie loggedIn = body.getResponse().getCookie(Logins.SESSION_COOKIE);
		String dashboardToken = csrfToken(this.mvc.perform(get("/akun/kata-sandi").cookie(loggedIn))
			.andReturn()
			.getResponse()
			.getContentAsString());
		this.mvc.perform(post("/logout?_csrf={token}", dashboardToken).cookie(loggedIn))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").cookie(loggedIn).header("X-CSRF-TOKEN", dashboardToken))
			.andExpect(redirectedUrl("/login?logout"));
	}

	private static String csrfToken(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF field on the page").isTrue();
		return matcher.group(1);
	}

}
