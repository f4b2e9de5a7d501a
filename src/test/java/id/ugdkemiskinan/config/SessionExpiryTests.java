package id.ugdkemiskinan.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session that ends while someone works (idle timeout, a lost session row): login, and
 * back to where they were; never "Akses ditolak", never a login page pasted into the
 * dashboard by htmx.
 */
@IntegrationTest
class SessionExpiryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFilingFormPostedAfterTheSessionEndedLeadsToLoginAndBackToTheForm() throws Exception {
		Cookie session = Logins.login(this.mvc, "upt.muncar");
		expire(session);
		long before = this.jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();

		MvcResult posted = this.mvc
			.perform(CaseData.form(CaseData.nik(), "KESEHATAN")
				.param("_csrf", "token-of-the-session-that-ended")
				.cookie(session))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?expired"))
			.andReturn();
		assertThat(this.jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single()).isEqualTo(before);
		Cookie fresh = posted.getResponse().getCookie(Logins.SESSION_COOKIE);
		assertThat(fresh).isNotNull();
		// What was typed stays in the browser, not in the session.
		assertThat(this.jdbc
			.sql("""
					SELECT count(*) FROM spring_session_attributes a JOIN spring_session s ON s.primary_id = a.session_primary_id
					WHERE s.session_id = :id AND position('Pelabuhan'::bytea IN a.attribute_bytes) > 0""")
			.param("id", sessionId(fresh))
			.query(Long.class)
			.single()).isZero();

		this.mvc.perform(get("/login").param("expired", "").cookie(fresh))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sesi Anda berakhir — isian Anda tersimpan")));

		MvcResult login = this.mvc
			.perform(post("/login").param("username", "upt.muncar")
				.param("password", Logins.DEMO_PASSWORD)
				.cookie(fresh)
				.with(csrf()))
			.andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).endsWith("/kasus/baru?continue");
		Cookie loggedIn = login.getResponse().getCookie(Logins.SESSION_COOKIE);
		this.mvc.perform(get(login.getResponse().getRedirectedUrl()).cookie(loggedIn))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-draft-restore=\"true\"")));
	}

	@Test
	void anExpiredSessionOnAnotherPagesPostLeadsToLoginAndBackToThatPage() throws Exception {
		Cookie session = Logins.login(this.mvc, "dinkes");
		expire(session);

		MvcResult posted = this.mvc
			.perform(post("/penugasan/1/respon").param("note", "x")
				.param("_csrf", "stale")
				.header("Referer", "http://localhost/antrian?page=1")
				.cookie(session))
			.andExpect(redirectedUrl("/login?expired"))
			.andReturn();
		Cookie fresh = posted.getResponse().getCookie(Logins.SESSION_COOKIE);
		// Not the filing form: the plain "session ended" message.
		this.mvc.perform(get("/login").param("expired", "").cookie(fresh))
			.andExpect(content().string(containsString("Sesi Anda berakhir karena tidak aktif")));

		MvcResult login = this.mvc
			.perform(post("/login").param("username", "dinkes")
				.param("password", Logins.DEMO_PASSWORD)
				.cookie(fresh)
				.with(csrf()))
			.andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).endsWith("/antrian?page=1&continue");
	}

	@Test
	void aWrongCsrfTokenInALiveSessionIsStillRefused() throws Exception {
		Cookie session = Logins.login(this.mvc, "upt.muncar");

		this.mvc.perform(CaseData.form(CaseData.nik(), "KESEHATAN").param("_csrf", "forged").cookie(session))
			.andExpect(status().isForbidden());
	}

	@Test
	void anHtmxRefreshWithoutSessionIsToldToGoToLoginAndLoginLeadsBackToTheWholePage() throws Exception {
		MvcResult refresh = this.mvc
			.perform(get("/dasbor").param("period", "7d")
				.header("HX-Request", "true")
				.header("HX-Current-URL", "http://localhost/dasbor?period=7d&dinas=DINKES"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login?expired"))
			.andExpect(header().doesNotExist("Location"))
			.andReturn();
		assertThat(refresh.getResponse().getContentAsString()).doesNotContain("<form");
		Cookie fresh = refresh.getResponse().getCookie(Logins.SESSION_COOKIE);

		MvcResult login = this.mvc
			.perform(post("/login").param("username", "pimpinan")
				.param("password", Logins.DEMO_PASSWORD)
				.cookie(fresh)
				.with(csrf()))
			.andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).endsWith("/dasbor?period=7d&dinas=DINKES&continue");
	}

	@Test
	void anHtmxRequestNamingAnotherSiteIsNotLedThere() throws Exception {
		MvcResult refresh = this.mvc
			.perform(get("/dasbor").header("HX-Request", "true")
				.header("HX-Current-URL", "https://evil.example//evil.example/x"))
			.andExpect(status().isUnauthorized())
			.andReturn();
		Cookie fresh = refresh.getResponse().getCookie(Logins.SESSION_COOKIE);
		MvcResult login = this.mvc
			.perform(post("/login").param("username", "pimpinan")
				.param("password", Logins.DEMO_PASSWORD)
				.cookie(fresh)
				.with(csrf()))
			.andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).doesNotContain("evil");
	}

	@Test
	void aPageWithoutSessionStillRedirectsToLogin() throws Exception {
		this.mvc.perform(get("/kasus/baru")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	private void expire(Cookie session) {
		this.jdbc.sql("DELETE FROM spring_session WHERE session_id = :id").param("id", sessionId(session)).update();
	}

	private static String sessionId(Cookie cookie) {
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

}
