package id.ugdkemiskinan.users.login;

import id.ugdkemiskinan.users.Role;
import id.ugdkemiskinan.users.account.UserAdministration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The login throttle (issue 13, item 9): by account and source, progressive, never a lock
 * of the account as a whole. Each test uses its own client addresses (documentation
 * ranges) and accounts, since failures are kept in the shared database.
 */
@IntegrationTest
public class LoginThrottleTests {

	private static final String PASSWORD = "rahasia-benar-9";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	UserAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiveFailuresFromOneSourceHoldItBackFiveSecondsWithoutCheckingThePasswordThenLongerEachTime() throws Exception {
		account("tahan.satu");
		String attacker = "203.0.113.10";
		for (int i = 1; i <= 4; i++) {
			assertThat(login("tahan.satu", "salah-" + i, attacker)).isEqualTo("/login?error");
		}
		assertThat(login("tahan.satu", "salah-5", attacker)).isEqualTo("/login?locked=5");
		this.mvc.perform(get("/login?locked=5"))
			.andExpect(content().string(containsString("Tunggu 5 detik lalu coba lagi.")));

		this.clock.advance(Duration.ofSeconds(4));
		assertThat(login("tahan.satu", PASSWORD, attacker)).as("the right password while held back")
			.isEqualTo("/login?locked=1");

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(login("tahan.satu", "salah-6", attacker)).as("the sixth failure").isEqualTo("/login?locked=10");
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(login("tahan.satu", "salah-7", attacker)).isEqualTo("/login?locked=20");
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(login("tahan.satu", "salah-8", attacker)).isEqualTo("/login?locked=40");
		this.clock.advance(Duration.ofSeconds(40));
		assertThat(login("tahan.satu", PASSWORD, attacker)).as("after the wait the right password works")
			.isEqualTo("/dasbor");
	}

	@Test
	void theDelayStopsGrowingAtFifteenMinutes() throws Exception {
		account("tahan.dua");
		// Twelve failures so far, the last one's wait over, rather than moving the shared
		// clock by hours.
		this.jdbc.sql("INSERT INTO login_failure VALUES ('tahan.dua', '203.0.113.11', 12, :at, :until)")
			.param("at", java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofMinutes(11))))
			.param("until", java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofSeconds(20))))
			.update();

		assertThat(login("tahan.dua", "salah-13", "203.0.113.11")).as("the 13th: 5 s × 2⁸ = 21 min, capped")
			.isEqualTo("/login?locked=900");
		this.mvc.perform(get("/login?locked=900"))
			.andExpect(content().string(containsString("Tunggu 15 menit lalu coba lagi.")));
	}

	@Test
	void theOwnerFromAnotherSourceIsNotHeldBackByFailuresFromElsewhere() throws Exception {
		account("tahan.tiga");
		for (int i = 1; i <= 8; i++) {
			login("tahan.tiga", "salah-" + i, "203.0.113.12");
		}
		assertThat(login("tahan.tiga", PASSWORD, "203.0.113.12")).startsWith("/login?locked=");

		assertThat(login("tahan.tiga", PASSWORD, "198.51.100.12")).isEqualTo("/dasbor");
		this.mvc.perform(get("/api/v1/dashboard").with(basic("tahan.tiga", PASSWORD)).with(from("198.51.100.13")))
			.andExpect(status().isOk());
	}

	@Test
	void anUnknownUserNameIsHeldBackJustTheSameSoNothingRevealsWhichAccountsExist() throws Exception {
		for (int i = 1; i <= 4; i++) {
			assertThat(login("hantu.tak.ada", "salah-" + i, "203.0.113.13")).isEqualTo("/login?error");
		}
		assertThat(login("hantu.tak.ada", "salah-5", "203.0.113.13")).isEqualTo("/login?locked=5");
	}

	@Test
	void aSuccessfulLoginForgetsTheFailuresOfThatSource() throws Exception {
		account("tahan.empat");
		for (int i = 1; i <= 4; i++) {
			login("tahan.empat", "salah-" + i, "203.0.113.14");
		}
		assertThat(login("tahan.empat", PASSWORD, "203.0.113.14")).isEqualTo("/dasbor");
		for (int i = 1; i <= 4; i++) {
			assertThat(login("tahan.empat", "salah-lagi-" + i, "203.0.113.14")).isEqualTo("/login?error");
		}
	}

	@Test
	void oneSourceTryingManyAccountsIsHeldBackForAll() throws Exception {
		account("tahan.lima");
		String sprayer = "203.0.113.15";
		for (int i = 1; i <= 19; i++) {
			assertThat(login("semprot." + i, "salah", sprayer)).isEqualTo("/login?error");
		}
		assertThat(login("semprot.20", "salah", sprayer)).as("the twentieth failure").isEqualTo("/login?locked=5");
		assertThat(login("tahan.lima", PASSWORD, sprayer)).as("any account from that source")
			.isEqualTo("/login?locked=5");
		assertThat(login("tahan.lima", PASSWORD, "198.51.100.15")).as("another source").isEqualTo("/dasbor");

		this.clock.advance(Duration.ofSeconds(5));
		assertThat(login("semprot.21", "salah", sprayer)).isEqualTo("/login?locked=10");
	}

	@Test
	void theApiIsThrottledTheSameWayAndAnswers429WithRetryAfter() throws Exception {
		account("tahan.enam");
		String attacker = "203.0.113.16";
		for (int i = 1; i <= 4; i++) {
			this.mvc.perform(get("/api/v1/dashboard").with(basic("tahan.enam", "salah-" + i)).with(from(attacker)))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/api/v1/dashboard").with(basic("tahan.enam", "salah-5")).with(from(attacker)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.detail").value(containsString("Coba lagi dalam 5 detik")));
		this.mvc.perform(get("/api/v1/dashboard").with(basic("tahan.enam", PASSWORD)).with(from(attacker)))
			.andExpect(status().isTooManyRequests());
		assertThat(login("tahan.enam", PASSWORD, attacker)).as("the form from the same source")
			.startsWith("/login?locked=");
	}

	@Test
	void theAdminSeesRecentFailuresWithTheirSourcesAndUnlocks() throws Exception {
		account("tahan.tujuh");
		for (int i = 1; i <= 5; i++) {
			login("tahan.tujuh", "salah-" + i, "203.0.113.17");
		}
		this.clock.advance(Duration.ofSeconds(1));
		login("tahan.tujuh", "salah-6", "198.51.100.17");
		assertThat(login("tahan.tujuh", PASSWORD, "203.0.113.17")).startsWith("/login?locked=");

		Cookie admin = Logins.login(this.mvc, "admin");
		String page = this.mvc.perform(get("/admin/pengguna").cookie(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String row = page.substring(page.indexOf("<code>tahan.tujuh</code>"));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("6 kali, terakhir", "dari 198.51.100.17, 203.0.113.17", "Ditahan", "Buka kunci");

		this.mvc.perform(post("/admin/pengguna/{id}/buka-kunci", userId("tahan.tujuh")).cookie(admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/pengguna"));

		assertThat(login("tahan.tujuh", PASSWORD, "203.0.113.17")).isEqualTo("/dasbor");
		assertThat(this.jdbc.sql("SELECT count(*) FROM login_failure WHERE username = 'tahan.tujuh'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void failuresADayOldAreForgottenAndDeleted() throws Exception {
		// Written as a day and a second ago, rather than moving the clock every test
		// shares by a day.
		java.sql.Timestamp dayAgo = java.sql.Timestamp
			.from(this.clock.instant().minus(LoginThrottle.FORGET_AFTER).minusSeconds(1));
		this.jdbc.sql("INSERT INTO login_failure VALUES ('lupa.satu', '203.0.113.18', 9, :at, :at)")
			.param("at", dayAgo)
			.update();
		this.jdbc.sql("INSERT INTO login_source_failure VALUES ('203.0.113.18', 40, :at, :at)")
			.param("at", dayAgo)
			.update();

		assertThat(login("lupa.dua", "salah", "203.0.113.19")).as("any failure").isEqualTo("/login?error");

		assertThat(this.jdbc.sql("SELECT count(*) FROM login_failure WHERE username = 'lupa.satu'")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM login_source_failure WHERE source = '203.0.113.18'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCountIsForgottenAfterADayWithoutFailure() throws Exception {
		java.sql.Timestamp dayAgo = java.sql.Timestamp
			.from(this.clock.instant().minus(LoginThrottle.FORGET_AFTER).minusSeconds(1));
		this.jdbc.sql("INSERT INTO login_failure VALUES ('lupa.tiga', '203.0.113.20', 9, :at, :at)")
			.param("at", dayAgo)
			.update();

		for (int i = 1; i <= 4; i++) {
			assertThat(login("lupa.tiga", "salah-" + i, "203.0.113.20")).isEqualTo("/login?error");
		}
		assertThat(login("lupa.tiga", "salah-5", "203.0.113.20")).isEqualTo("/login?locked=5");
	}

	@Test
	void onlyTheAdminUnlocks() throws Exception {
		Cookie secretariat = Logins.login(this.mvc, "sekretariat");
		this.mvc.perform(post("/admin/pengguna/{id}/buka-kunci", userId("admin")).cookie(secretariat).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theDelayDoublesFromFiveSecondsAndIsCappedAtFifteenMinutes() {
		assertThat(LoginThrottle.delayAfter(4, 5)).isZero();
		assertThat(LoginThrottle.delayAfter(5, 5)).isEqualTo(Duration.ofSeconds(5));
		assertThat(LoginThrottle.delayAfter(6, 5)).isEqualTo(Duration.ofSeconds(10));
		assertThat(LoginThrottle.delayAfter(7, 5)).isEqualTo(Duration.ofSeconds(20));
		assertThat(LoginThrottle.delayAfter(12, 5)).isEqualTo(Duration.ofSeconds(640));
		assertThat(LoginThrottle.delayAfter(13, 5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(LoginThrottle.delayAfter(10_000, 5)).isEqualTo(Duration.ofMinutes(15));
	}

	private void account(String username) {
		this.administration.createIfAbsent(username, "Uji Tahan", PASSWORD, Role.PIMPINAN, null, null);
	}

	private String login(String username, String password, String source) throws Exception {
		MockHttpServletRequestBuilder request = post("/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(source));
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	public static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	public static RequestPostProcessor basic(String username, String password) {
		String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return request -> {
			request.addHeader("Authorization", "Basic " + token);
			return request;
		};
	}

	private long userId(String username) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

}
