package id.ugdkemiskinan.config;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.ugdkemiskinan.UgdApplication;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.TestClockConfiguration;
import id.ugdkemiskinan.support.TestcontainersConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS proxy (issue 13, item 14), through the real embedded Tomcat: the proxy's
 * {@code X-Forwarded-Proto} makes the request secure (HSTS, a {@code Secure} session
 * cookie) and its {@code X-Forwarded-For} is the client address that the login throttle
 * counts. Same configuration as {@code SessionTests}, so the two share one application
 * context.
 */
@SpringBootTest(classes = UgdApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class })
@TestPropertySource(
		properties = { "ugd.embedded-postgres.enabled=false", "ugd.demo.enabled=true", "ugd.sla.sweep-enabled=false",
				"ugd.delivery.digest-enabled=false", "ugd.delivery.sender-enabled=false", "ugd.demo.cases=false" })
class ProxyHeadersTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aRequestThatCameOverHttpsGetsHstsAndASecureSessionCookie() throws Exception {
		HttpResponse<String> response = this.http.send(
				request("/login").header("X-Forwarded-Proto", "https").GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
		assertThat(sessionCookie(response)).contains("Secure").contains("HttpOnly");
	}

	@Test
	void aPlainHttpRequestGetsNeitherHstsNorASecureCookie() throws Exception {
		HttpResponse<String> response = this.http.send(request("/login").GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(sessionCookie(response)).doesNotContain("Secure");
	}

	@Test
	void theLoginThrottleCountsTheClientAddressTheProxyPassesOn() throws Exception {
		HttpResponse<String> page = this.http.send(request("/login").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = sessionCookie(page).split(";")[0];
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).isTrue();

		HttpResponse<String> failed = this.http.send(request("/login").header("Cookie", cookie)
			.header("X-Forwarded-For", "203.0.113.140")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=proksi.uji&password=salah-sekali&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(failed.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT source FROM login_failure WHERE username = 'proksi.uji'")
			.query(String.class)
			.list()).containsExactly("203.0.113.140");
	}

	private static String sessionCookie(HttpResponse<String> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter(c -> c.startsWith(Logins.SESSION_COOKIE + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).header("Accept", "text/html");
	}

}
