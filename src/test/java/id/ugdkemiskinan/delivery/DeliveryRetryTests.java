package id.ugdkemiskinan.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.ugdkemiskinan.delivery.outbox.DeliverySender;
import id.ugdkemiskinan.delivery.outbox.Outbox;
import id.ugdkemiskinan.delivery.outbox.Outbox.Subject;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender against real HTTP servers (WireMock standing in for Meta's Graph API and for
 * a webhook receiver): retried at the planned times on 500 and timeouts (the injected
 * clock moved), at the server's wish on 429, failed at once with its reason on a 400, and
 * each message sent once by two senders at once. A database of its own, so that no other
 * test's deliveries reach these servers.
 */
@IntegrationTest
@TestPropertySource(properties = { "ugd.test.database=delivery_retry", "ugd.webhook.timeout=PT3S" })
class DeliveryRetryTests {

	static final WireMockServer servers = new WireMockServer(wireMockConfig().dynamicPort());

	static {
		servers.start();
		// A first request, so that a cold server's slow first answer is not taken for a
		// timeout.
		try {
			java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(servers.baseUrl() + "/warm-up")).build(),
						java.net.http.HttpResponse.BodyHandlers.discarding());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("ugd.webhook.url", () -> servers.baseUrl() + "/hook");
		registry.add("ugd.webhook.secret", () -> "retry-secret");
		registry.add("ugd.whatsapp.api-url", () -> servers.baseUrl() + "/v23.0");
		registry.add("ugd.whatsapp.phone-number-id", () -> "106540352242922");
		registry.add("ugd.whatsapp.token", () -> "test-token");
	}

	@AfterAll
	static void stopServers() {
		servers.stop();
	}

	@Autowired
	Outbox outbox;

	@Autowired
	DeliverySender sender;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void reset() {
		servers.resetAll();
		this.jdbc.sql("UPDATE app_user SET phone = '+6281200000777' WHERE username = 'sekretariat'").update();
	}

	@Test
	void aReceiverAnswering500IsTriedAgainAtThePlannedTimesThenTheDeliveryFails() {
		servers.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(500).withBody("down")));
		String key = enqueue(false);

		List<Duration> planned = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
				Duration.ofHours(2), Duration.ofHours(6));
		for (int attempt = 1; attempt <= planned.size(); attempt++) {
			Instant now = this.clock.instant();
			this.sender.drain();
			Map<String, Object> row = row(key);
			assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", attempt);
			assertThat(((Timestamp) row.get("next_attempt_at")).toInstant())
				.isEqualTo(now.plus(planned.get(attempt - 1)));
			assertThat((String) row.get("last_error")).contains("500");
			assertThat(requests(key)).hasSize(attempt);

			this.clock.advance(planned.get(attempt - 1).minusSeconds(1));
			this.sender.drain();
			assertThat(requests(key)).as("not before its time").hasSize(attempt);
			this.clock.advance(Duration.ofSeconds(1));
		}
		this.sender.drain();
		assertThat(row(key)).containsEntry("status", "FAILED").containsEntry("attempts", 6);
		assertThat(requests(key)).hasSize(6);

		this.clock.advance(Duration.ofDays(1));
		this.sender.drain();
		assertThat(requests(key)).as("a failed delivery waits for the admin's retry").hasSize(6);
	}

	@Test
	void aTimeoutIsTriedAgainAfterAMinuteAndTheServersRetryAfterIsHonoured() {
		servers.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withFixedDelay(4000)));
		String slow = enqueue(false);
		Instant now = this.clock.instant();
		this.sender.drain();
		assertThat(row(slow)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
		assertThat(((Timestamp) row(slow).get("next_attempt_at")).toInstant()).isEqualTo(now.plusSeconds(60));

		servers.resetAll();
		servers.stubFor(post(urlEqualTo("/hook"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120").withBody("slow down")));
		String throttled = enqueue(false);
		now = this.clock.instant();
		this.sender.drain();
		assertThat(row(throttled)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
		assertThat(((Timestamp) row(throttled).get("next_attempt_at")).toInstant()).isEqualTo(now.plusSeconds(120));
	}

	@Test
	void aMessageMetaRefusesForGoodFailsAtOnceWithItsReasonAndIsNotTriedAgain() {
		servers.stubFor(post(urlEqualTo("/v23.0/106540352242922/messages"))
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
					{"error": {"message": "(#131026) Message undeliverable", "type": "OAuthException",
					 "code": 131026, "fbtrace_id": "Az8or2yhqkZfEZ-_4Qn_Bam"}}""")));
		servers.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
		String key = enqueue(true);
		String whatsApp = key.replace(":webhook", ":u" + userId("sekretariat") + ":WHATSAPP");

		this.sender.drain();
		this.clock.advance(Duration.ofHours(7));
		this.sender.drain();

		Map<String, Object> row = row(whatsApp);
		assertThat(row).containsEntry("status", "FAILED").containsEntry("attempts", 1);
		assertThat((String) row.get("last_error")).contains("131026");
		assertThat(servers.findAll(postRequestedFor(urlEqualTo("/v23.0/106540352242922/messages"))
			.withHeader("Authorization", equalTo("Bearer test-token")))).hasSize(1);
		assertThat(row(key)).containsEntry("status", "SENT");
	}

	@Test
	void twoSendersAtOnceSendEachMessageOnce() throws Exception {
		servers.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
		servers.stubFor(post(urlEqualTo("/v23.0/106540352242922/messages")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"messages\": [{\"id\": \"wamid.X\"}]}")));
		String batch = "twice-" + System.nanoTime();
		List<Subject> subjects = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			subjects.add(new Subject(batch + "-" + i, null, null, null, "UGD-26-" + i, null, null, false,
					Map.of("ticket", "UGD-26-" + i)));
		}
		this.outbox.enqueue(DeliveryKind.RETURNED, subjects, this.clock.instant());

		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> senders = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			senders.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return this.sender.drain();
			}));
		}
		start.countDown();
		int handled = 0;
		for (CompletableFuture<Integer> sender : senders) {
			handled += sender.get();
		}

		List<LoggedRequest> received = servers.findAll(postRequestedFor(urlEqualTo("/hook")))
			.stream()
			.filter(r -> r.getHeader("X-UGD-Delivery").startsWith(batch + "-"))
			.toList();
		Set<String> distinct = new HashSet<>();
		received.forEach(r -> distinct.add(r.getHeader("X-UGD-Delivery")));
		assertThat(received).hasSize(300);
		assertThat(distinct).hasSize(300);
		assertThat(handled).isGreaterThanOrEqualTo(300);
		assertThat(this.jdbc.sql(
				"SELECT status || ' ' || attempts || ' ' || coalesce(last_error, '') FROM delivery WHERE delivery_key LIKE :k AND status <> 'SENT'")
			.param("k", batch + "-%:webhook")
			.query(String.class)
			.list()).isEmpty();
	}

	@Test
	void aWhatsAppMessageIsRecordedWithItsIdAsSoonAsItIsSentNotAtTheRoundsEnd() throws Exception {
		servers.stubFor(post(urlEqualTo("/v23.0/106540352242922/messages")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"messages\": [{\"id\": \"wamid.EARLY\"}]}")));
		servers.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withFixedDelay(2500)));
		String webhook = enqueue(true);
		String whatsApp = webhook.replace(":webhook", ":u" + userId("sekretariat") + ":WHATSAPP");

		CompletableFuture<Integer> round = CompletableFuture.supplyAsync(this.sender::sendDue);
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.jdbc
				.sql("SELECT status || ' ' || coalesce(provider_id, '') FROM delivery WHERE delivery_key = :k")
				.param("k", whatsApp)
				.query(String.class)
				.single()).isEqualTo("SENT wamid.EARLY"));
		assertThat(row(webhook)).as("the round is still waiting for the webhook").containsEntry("status", "SENDING");

		round.get();
		assertThat(row(webhook)).containsEntry("status", "SENT");
		assertThat(row(whatsApp)).containsEntry("status", "SENT").containsEntry("attempts", 1);
	}

	/** One RETURNED subject (the secretariat hears of it); answers its webhook key. */
	private String enqueue(boolean darurat) {
		String key = "retry-" + System.nanoTime();
		assertThat(
				this.outbox.enqueue(DeliveryKind.RETURNED,
						List.of(new Subject(key, null, null, null, "UGD-26-000777", null, null, darurat,
								Map.of("ticket", "UGD-26-000777", "kecamatan", "Muncar"))),
						this.clock.instant()))
			.isPositive();
		return key + ":webhook";
	}

	private Map<String, Object> row(String key) {
		return this.jdbc
			.sql("SELECT status, attempts, next_attempt_at, last_error FROM delivery WHERE delivery_key = :k")
			.param("k", key)
			.query()
			.singleRow();
	}

	private List<LoggedRequest> requests(String key) {
		return servers.findAll(postRequestedFor(urlEqualTo("/hook")).withHeader("X-UGD-Delivery", equalTo(key)));
	}

	private long userId(String username) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

}
