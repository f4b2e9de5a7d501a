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

	/** Each demo user, and the role homes it may (200) and may not (403) open. */
	private static final Map<String, Map<String, Integer>> ACCESS = Map.of("upt.muncar",
			Map.of("/kasus", 200, "/kasus/baru", 200, "/antrian", 403, "/dasbor", 200, "/admin/pengguna", 403, "/admin",
					403),
			"dinkes",
			Map.of("/antrian", 200, "/kasus", 403, "/kasus/baru", 403, "/dasbor", 200, "/admin/pengguna", 403, "/admin",
					403),
			"sekretariat",
			Map.of("/dasbor", 200, "/kasus", 200, "/kasus/baru", 403, "/antrian", 403, "/admin/pengguna", 403),
			"pimpinan",
			Map.of("/dasbor", 200, "/kasus", 200, "/kasus/baru", 403, "/antrian", 403, "/admin/pengguna", 403), "admin",
			Map.of("/admin/pengguna", 200, "/admin", 200, "/kasus", 403, "/kasus/baru", 403, "/antrian", 403, "/dasbor",
					403));

	@Autowired
	MockMvc mvc;

	@Test
	void eachRoleOpensItsPagesAndGets403OnTheOtherRolesPages() throws Exception {
		for (Map.Entry<String, Map<String, Integer>> user : ACCESS.entrySet()) {
			Cookie session = Logins.login(this.mvc, user.getKey());
			for (Map.Entry<String, Integer> page : user.getValue().entrySet()) {
				int status = this.mvc.perform(get(page.getKey()).cookie(session)).andReturn().getResponse().getStatus();
				org.assertj.core.api.Assertions.assertThat(status)
					.as("%s on %s", user.getKey(), page.getKey())
					.isEqualTo(page.getValue());
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
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("href=\"/triase\""))));
	}

	@Test
	void aLoggedOutVisitorIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/kasus"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
		this.mvc.perform(get("/admin/pengguna"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
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
		this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(header().doesNotExist("Set-Cookie"));
		this.mvc.perform(get("/api/v1/cases").with(httpBasic("admin", Logins.DEMO_PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.not(containsString("unsafe-inline"))))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void healthShowsTheDatabaseAndIsPublic() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"));
		// Not exposed, so it does not exist: 404, never the environment.
		this.mvc.perform(get("/actuator/env")).andExpect(status().isNotFound());
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
