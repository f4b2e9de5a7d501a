package id.ugdkemiskinan.users;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.ugdkemiskinan.UgdApplication;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.TestClockConfiguration;
import id.ugdkemiskinan.support.TestcontainersConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions through a real HTTP server: stored in PostgreSQL, renewed on login, 30 minutes
 * idle.
 */
@SpringBootTest(classes = UgdApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class })
@TestPropertySource(
		properties = { "ugd.embedded-postgres.enabled=false", "ugd.demo.enabled=true", "ugd.sla.sweep-enabled=false",
				"ugd.delivery.digest-enabled=false", "ugd.delivery.sender-enabled=false", "ugd.demo.cases=false" })
class SessionTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	@Autowired
	@org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager
	org.springframework.transaction.PlatformTransactionManager sessionTransactionManager;

	@Test
	void sessionsCommitAsynchronouslyWhileEverythingElseKeepsTheJpaTransactionManager() {
		assertThat(this.transactionManager).isInstanceOf(org.springframework.orm.jpa.JpaTransactionManager.class);
		String serverSetting = this.jdbc.sql("SHOW synchronous_commit").query(String.class).single();
		var template = new org.springframework.transaction.support.TransactionTemplate(this.sessionTransactionManager);
		String inSessionTransaction = template
			.execute(status -> this.jdbc.sql("SHOW synchronous_commit").query(String.class).single());
		assertThat(inSessionTransaction).isEqualTo("off");
		// SET LOCAL: the setting ends with the session's transaction (the test database
		// may run with it off anyway).
		assertThat(this.jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo(serverSetting);
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void twoRequestsOfOneSessionMayAddTheSameAttributeAtOnce() {
		SessionRepository<Session> repository = (SessionRepository) this.sessions;
		Session session = repository.createSession();
		repository.save(session);
		Session first = repository.findById(session.getId());
		Session second = repository.findById(session.getId());
		first.setAttribute("flash", "first request");
		second.setAttribute("flash", "second request");

		repository.save(first);
		repository.save(second);

		assertThat(repository.findById(session.getId()).<String>getAttribute("flash")).isEqualTo("second request");
	}

	@Test
	void loginRenewsTheSessionIdAndStoresTheSessionInPostgresql() throws Exception {
		String loginPage = get("/login").body();
		String before = sessionCookie();
		assertThat(before).as("a session holds the login form's CSRF token").isNotNull();

		HttpResponse<String> login = post("/login", "username=upt.muncar&password=" + Logins.DEMO_PASSWORD + "&_csrf="
				+ URLEncoder.encode(csrf(loginPage), StandardCharsets.UTF_8));

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/kasus"));
		String after = sessionCookie();
		assertThat(after).isNotEqualTo(before);
		assertThat(this.jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = 'upt.muncar'")
			.query(Integer.class)
			.list()).contains(1800);
		assertThat(get("/kasus").statusCode()).isEqualTo(200);
	}

	@Test
	void errorPagesExplainThemselvesInIndonesianInsideTheLayout() throws Exception {
		String loginPage = get("/login").body();
		post("/login", "username=upt.genteng&password=" + Logins.DEMO_PASSWORD + "&_csrf="
				+ URLEncoder.encode(csrf(loginPage), StandardCharsets.UTF_8));

		HttpResponse<String> forbidden = get("/antrian");
		HttpResponse<String> missing = get("/kasus/tidak-ada");

		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("Akses ditolak", "Kabupaten Banyuwangi").doesNotContain("??");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Tidak ditemukan").doesNotContain("??");
	}

	@Test
	void aSessionDeletedFromTheDatabaseIsGoneOnEveryInstance() throws Exception {
		String loginPage = get("/login").body();
		post("/login", "username=pimpinan&password=" + Logins.DEMO_PASSWORD + "&_csrf="
				+ URLEncoder.encode(csrf(loginPage), StandardCharsets.UTF_8));
		assertThat(get("/dasbor").statusCode()).isEqualTo(200);

		this.jdbc.sql("DELETE FROM spring_session WHERE principal_name = 'pimpinan'").update();

		HttpResponse<String> afterwards = get("/dasbor");
		assertThat(afterwards.statusCode()).isEqualTo(302);
		assertThat(afterwards.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	private String sessionCookie() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(Logins.SESSION_COOKIE))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
