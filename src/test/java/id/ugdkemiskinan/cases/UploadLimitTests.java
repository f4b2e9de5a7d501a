package id.ugdkemiskinan.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.TestClockConfiguration;
import id.ugdkemiskinan.support.TestcontainersConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through the real server (Tomcat and its multipart limits, which MockMvc does
 * not have): a phone photo over the app's 5 MB brings the form back with its fields and a
 * message in Bahasa Indonesia; what exceeds even the server's limits gets the app's own
 * 413 page (problem JSON on the API), never Tomcat's English page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class })
@TestPropertySource(properties = { "ugd.embedded-postgres.enabled=false", "ugd.demo.enabled=true",
		"ugd.sla.sweep-enabled=false", "ugd.delivery.digest-enabled=false", "ugd.delivery.sender-enabled=false",
		"ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false" })
class UploadLimitTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	private HttpClient http;

	@BeforeEach
	void client() {
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Test
	void anEightMegabytePhotoThroughTheServerBringsTheFormBackWithItsFieldsAndAMessage() throws Exception {
		String token = logInAndOpenTheForm();
		byte[] photo = new byte[8 * 1024 * 1024];
		System.arraycopy(CaseData.PNG, 0, photo, 0, CaseData.PNG.length);

		HttpResponse<String> response = postForm("/kasus", token, "IMG_20261201_0815.jpg", photo);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Berkas IMG_20261201_0815.jpg lebih besar dari 5 MB.",
				"value=\"Mbok Tarmi Lewat Tomcat\"", "Dusun Krajan, Jl. Pelabuhan 12");
	}

	@Test
	void anUploadBeyondTheServersLimitGetsTheAppsOwnPageInBahasaIndonesia() throws Exception {
		String token = logInAndOpenTheForm();

		HttpResponse<String> response = postForm("/kasus", token, "video.jpg", new byte[70 * 1024 * 1024]);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("Kiriman terlalu besar", "paling banyak 5 lampiran")
			.doesNotContain("Apache Tomcat");
	}

	@Test
	void theApiAnswersAnUploadBeyondTheLimitWithProblemJson() throws Exception {
		String boundary = "----ugd" + UUID.randomUUID();
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri("/api/v1/cases"))
					.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString(("upt.muncar:" + Logins.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers
						.ofByteArray(multipart(boundary, Map.of("a", "b"), "big.jpg", new byte[70 * 1024 * 1024])))
					.build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":413", "Kiriman terlalu besar");
	}

	private String logInAndOpenTheForm() throws IOException, InterruptedException {
		String loginPage = get("/login").body();
		HttpResponse<String> login = this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=upt.muncar&password=" + Logins.DEMO_PASSWORD + "&_csrf=" + csrf(loginPage)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
		HttpResponse<String> form = get("/kasus/baru");
		assertThat(form.statusCode()).isEqualTo(200);
		return csrf(form.body());
	}

	private HttpResponse<String> postForm(String path, String csrf, String filename, byte[] file)
			throws IOException, InterruptedException {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf);
		fields.put("submissionToken", UUID.randomUUID().toString());
		fields.put("desaCode", CaseData.MUNCAR_DESA);
		fields.put("address", "Dusun Krajan, Jl. Pelabuhan 12");
		fields.put("channel", "LANGSUNG");
		fields.put("categories", "KESEHATAN");
		fields.put("description", "Ibu sakit menahun dan tidak punya BPJS, foto rumah terlampir.");
		fields.put("beneficiaryName", "Mbok Tarmi Lewat Tomcat");
		fields.put("nik", CaseData.nik());
		String boundary = "----ugd" + UUID.randomUUID();
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, filename, file)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static byte[] multipart(String boundary, Map<String, String> fields, String filename, byte[] file)
			throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 4096);
		for (Map.Entry<String, String> field : fields.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"" + filename
				+ "\"\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

}
