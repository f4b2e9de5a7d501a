package id.ugdkemiskinan.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import id.ugdkemiskinan.UgdApplication;
import id.ugdkemiskinan.support.TestClockConfiguration;
import id.ugdkemiskinan.support.TestcontainersConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that happen outside Spring MVC's handlers (the security firewall, a filter's
 * refusal, Tomcat's own) on a real server: the app's own page in Bahasa Indonesia, or RFC
 * 9457 problem JSON under /api/ — never Spring Boot's default JSON nor Tomcat's page.
 */
@SpringBootTest(classes = UgdApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class })
@TestPropertySource(properties = { "ugd.embedded-postgres.enabled=false", "ugd.demo.enabled=true",
		"ugd.sla.sweep-enabled=false", "ugd.delivery.digest-enabled=false", "ugd.delivery.sender-enabled=false",
		"ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false" })
class ErrorPagesTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aRequestTheFirewallRejectsGetsTheAppsOwnPage() throws Exception {
		HttpResponse<String> page = get("/kasus;jsessionid=abc", "text/html");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("Permintaan tidak valid", "UGD Kemiskinan")
			.doesNotContain("Whitelabel", "Tomcat");
	}

	@Test
	void underTheApiTheSameIsProblemJson() throws Exception {
		HttpResponse<String> problem = get("/api/v1/cases;x=1", "application/json");
		assertThat(problem.statusCode()).isEqualTo(400);
		assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(problem.body()).contains("\"status\":400", "Permintaan ini berisi nilai")
			.doesNotContain("\"error\":", "\"path\":");
	}

	@Test
	void aControlCharacterInAFilterGetsAPageNamingTheField() throws Exception {
		HttpResponse<String> page = get("/login?username=%00", "text/html");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("Isian &quot;username&quot; berisi karakter yang tidak diizinkan");
		HttpResponse<String> problem = get("/api/v1/cases?q=a%01b", "*/*");
		assertThat(problem.statusCode()).isEqualTo(400);
		assertThat(problem.body()).contains("\"field\":\"q\"", "karakter yang tidak diizinkan");
	}

	@Test
	void anUnknownAddressIsNotFoundOnPagesAndTheApi() throws Exception {
		HttpResponse<String> page = get("/tidak-ada", "text/html");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Tidak ditemukan").doesNotContain("Akses ditolak");
		HttpResponse<String> problem = get("/api/v1/tidak-ada", "*/*");
		assertThat(problem.statusCode()).isEqualTo(404);
		assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(problem.body()).contains("\"status\":404");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/kasus?q=a|b", "/kasus?q=[x]", "/kasus?q={x}", "/kasus?q=a^b", "/kasus?q=\"x\"",
			"/kasus?q=<b>", "/api/v1/cases?q=a|b" })
	void characterstTomcatWouldRefuseInTheQueryReachTheApp(String target) throws Exception {
		String answer = raw("GET " + target + " HTTP/1.1");
		assertThat(answer).doesNotContain("Apache Tomcat", "HTTP Status 400");
		assertThat(answer.lines().findFirst().orElse("")).as(answer).matches("HTTP/1.1 (302|401) .*");
	}

	@Test
	void aRequestLineTomcatCannotParseStillGetsNoTomcatPage() throws Exception {
		String answer = raw("GET /kasus?q=%ZZ HTTP/1.1");
		assertThat(answer).doesNotContain("Apache Tomcat");
	}

	private String raw(String requestLine) throws Exception {
		try (java.net.Socket socket = new java.net.Socket("localhost", this.port)) {
			socket.getOutputStream()
				.write((requestLine + "\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
					.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	@Test
	void theFaviconIsServed() throws Exception {
		HttpResponse<String> icon = get("/favicon.ico", "image/*");
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type").orElse("")).contains("icon");
		assertThat(get("/static/img/favicon.svg", "image/*").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
