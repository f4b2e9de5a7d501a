package id.ugdkemiskinan.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.ugdkemiskinan.UgdApplication;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app dies between a case's commit and the sending of its messages, and starts again:
 * every message goes out exactly once. Two lives of the real application on one database
 * of its own; the receiver is a real HTTP server (the webhook channel). The crash is the
 * state it leaves: for one case the listener never ran (its publication incomplete, no
 * delivery written), for another it wrote the deliveries but the publication was not yet
 * marked complete; for a third the deliveries were written and not yet sent.
 */
class DeliveryRestartTests {

	private final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());

	private final String database = "delivery_restart_" + System.currentTimeMillis() % 100000;

	@BeforeEach
	void start() {
		this.receiver.start();
		this.receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
	}

	@AfterEach
	void stop() {
		this.receiver.stop();
	}

	@Test
	void everyMessageOfACrashedLifeGoesOutOnceAfterTheRestart() throws Exception {
		List<String> tickets = new ArrayList<>();
		try (ConfigurableApplicationContext first = run(false)) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			int port = first.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			for (int i = 0; i < 3; i++) {
				tickets.add(file(port));
			}
			await().atMost(Duration.ofSeconds(20))
				.until(() -> tickets.stream().allMatch(t -> webhookDeliveries(jdbc, t) == 1));
			// The listener of the first case never ran; that of the second had not been
			// marked complete; the third's deliveries were written and not sent (the
			// sender is off in this life).
			jdbc.sql("DELETE FROM delivery WHERE ticket = :t").param("t", tickets.get(0)).update();
			for (String ticket : tickets.subList(0, 2)) {
				assertThat(jdbc.sql("""
						UPDATE event_publication SET completion_date = NULL, status = 'PUBLISHED'
						WHERE event_type LIKE '%AssignmentRouted' AND serialized_event LIKE :t""")
					.param("t", "%" + ticket + "%")
					.update()).as("the routed event's publication of %s", ticket).isGreaterThanOrEqualTo(1);
			}
		}
		assertThat(this.receiver.getAllServeEvents()).as("nothing was sent in the first life").isEmpty();

		try (ConfigurableApplicationContext second = run(true)) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				for (String ticket : tickets) {
					assertThat(received(ticket)).as("requests for %s", ticket).hasSize(1);
				}
			});
			// And it stays once: nothing doubled arrives in the next two seconds.
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				for (String ticket : tickets) {
					assertThat(received(ticket)).as("requests for %s", ticket).hasSize(1);
					assertThat(webhookDeliveries(jdbc, ticket)).isEqualTo(1);
				}
			});
			assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
				.query(Long.class)
				.single()).as("every publication completed").isZero();
		}
	}

	private List<LoggedRequest> received(String ticket) {
		return this.receiver.findAll(postRequestedFor(urlEqualTo("/hook")))
			.stream()
			.filter(r -> r.getBodyAsString().contains(ticket))
			.toList();
	}

	private static long webhookDeliveries(JdbcClient jdbc, String ticket) {
		return jdbc.sql("SELECT count(*) FROM delivery WHERE ticket = :t AND channel = 'WEBHOOK'")
			.param("t", ticket)
			.query(Long.class)
			.single();
	}

	private ConfigurableApplicationContext run(boolean senderEnabled) {
		TestDatabase db = TestDatabase.get();
		return SpringApplication.run(UgdApplication.class, "--server.port=0",
				"--spring.datasource.url=" + db.jdbcUrl(this.database), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--ugd.embedded-postgres.enabled=false",
				"--ugd.demo.enabled=true", "--ugd.demo.cases=false", "--ugd.sla.sweep-enabled=false",
				"--ugd.dashboard.rollup-enabled=false", "--ugd.delivery.digest-enabled=false",
				"--ugd.delivery.sender-enabled=" + senderEnabled, "--ugd.delivery.poll-interval=PT0.2S",
				"--ugd.webhook.url=" + this.receiver.baseUrl() + "/hook", "--ugd.webhook.secret=restart-secret");
	}

	private static String file(int port) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
			.header("Content-Type", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString(("upt.muncar:" + Logins.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(CaseData.json(CaseData.nik(), "PENDIDIKAN")))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.substring("/api/v1/cases/".length());
	}

}
