package id.ugdkemiskinan.config;

import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AccessRulesTests {

	/** Each role's home, and the homes of the other roles it must not open. */
	private static final Map<String, String> HOMES = Map.of("upt.muncar", "/kasus", "dinkes", "/antrian",
			"sekretariat", "/dasbor", "pimpinan", "/dasbor", "admin", "/admin/pengguna");

	@Autowired
	MockMvc mvc;

	@Test
	void eachRoleOpensItsHomeAndGets403OnTheOtherRolesPages() throws Exception {
		for (Map.Entry<String, String> entry : HOMES.entrySet()) {
			Cookie session = Logins.login(this.mvc, entry.getKey());
			this.mvc.perform(get(entry.getValue()).cookie(session)).andExpect(status().isOk());
			for (String other : HOMES.values()) {
				if (!other.equals(entry.getValue())) {
					this.mvc.perform(get(other).cookie(session)).andExpect(status().isForbidden());
				}
			}
		}
	}

	@Test
	void theHeaderShowsNameRoleAndScope() throws Exception {
		this.mvc.perform(get("/antrian").cookie(Logins.login(this.mvc, "dinkes")))
			.andExpect(content().string(containsString("Petugas DINKES (demo)")))
			.andExpect(content().string(containsString("Petugas Dinas")))
			.andExpect(content().string(containsString("Dinas Kesehatan")))
			.andExpect(content().string(containsString("UGD Kemiskinan")))
			.andExpect(content().string(containsString("Kabupaten Banyuwangi")));
	}

	@Test
	void theNavigationShowsOnlyWhatTheRoleMayUse() throws Exception {
		this.mvc.perform(get("/kasus").cookie(Logins.login(this.mvc, "upt.genteng")))
			.andExpect(content().string(containsString("href=\"/kasus\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("href=\"/admin/pengguna\""))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("href=\"/dasbor\""))));
	}

	@Test
	void aLoggedOutVisitorIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/kasus")).andExpect(status().isFound()).andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
		this.mvc.perform(get("/admin/pengguna")).andExpect(status().isFound()).andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
	}

	@Test
	void aPostWithoutCsrfTokenIsRejected() throws Exception {
		Cookie admin = Logins.login(this.mvc, "admin");
		this.mvc.perform(post("/admin/pengguna/1/reset-kata-sandi").cookie(admin)).andExpect(status().isForbidden());
		this.mvc.perform(post("/login").param("username", "admin").param("password", Logins.DEMO_PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void theApiAnswers401AsJsonWithoutCredentialsNeverALoginPage() throws Exception {
		this.mvc.perform(get("/api/v1/cases").accept(MediaType.TEXT_HTML))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").exists());
		this.mvc.perform(get("/api/v1/cases").with(httpBasic("admin", "salah-sekali")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void theApiIsStatelessAndNeedsNoCsrf() throws Exception {
		this.mvc.perform(post("/api/v1/unknown").with(httpBasic("admin", Logins.DEMO_PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(header().doesNotExist("Set-Cookie"));
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("unsafe-inline"))))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void healthShowsTheDatabaseAndIsPublic() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"));
		this.mvc.perform(get("/actuator/env")).andExpect(status().isFound());
	}

	@Test
	void logoutNeedsCsrfAndEndsTheSession() throws Exception {
		Cookie session = Logins.login(this.mvc, "pimpinan");
		this.mvc.perform(post("/logout").cookie(session).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?logout"));
		this.mvc.perform(get("/dasbor").cookie(session)).andExpect(status().isFound());
	}

}
