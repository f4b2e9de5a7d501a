package id.ugdkemiskinan.support;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Logs in through the real login form and returns the session cookie (sessions live in
 * the database).
 */
public final class Logins {

	public static final String SESSION_COOKIE = "UGDSESSION";

	public static final String DEMO_PASSWORD = "banyuwangi";

	private Logins() {
	}

	public static MvcResult submitLogin(MockMvc mvc, String username, String password) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andReturn();
	}

	public static Cookie login(MockMvc mvc, String username) throws Exception {
		return login(mvc, username, DEMO_PASSWORD);
	}

	public static Cookie login(MockMvc mvc, String username, String password) throws Exception {
		MvcResult result = submitLogin(mvc, username, password);
		assertThat(result.getResponse().getRedirectedUrl()).as("login of %s", username).doesNotContain("/login");
		Cookie cookie = result.getResponse().getCookie(SESSION_COOKIE);
		assertThat(cookie).as("session cookie after login of %s", username).isNotNull();
		return cookie;
	}

}
