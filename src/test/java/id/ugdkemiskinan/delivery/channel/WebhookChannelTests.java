package id.ugdkemiskinan.delivery.channel;

import java.time.Clock;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.ugdkemiskinan.delivery.ChannelType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookChannelTests {

	private static final String SECRET = "webhook-secret-for-tests";

	private final WireMockServer receiver = new WireMockServer(options().dynamicPort());

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void start() {
		this.receiver.start();
	}

	@AfterEach
	void stop() {
		this.receiver.stop();
	}

	@Test
	void postsTheCaseSignedWithTheSecret() {
		this.receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(202)));
		OutgoingMessage message = ChannelFixtures.assignment(ChannelType.WEBHOOK, "webhook");

		SendResult result = channel(SECRET).send(message);

		assertThat(result).isInstanceOfSatisfying(SendResult.Sent.class,
				(sent) -> assertThat(sent.providerId()).isNull());
		this.receiver.verify(1,
				postRequestedFor(urlEqualTo("/hook")).withHeader("X-UGD-Delivery", equalTo(message.deliveryKey()))
					.withHeader("Content-Type", equalTo("application/json")));
		LoggedRequest request = this.receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
		byte[] body = request.getBody();
		assertThat(request.getHeader("X-UGD-Signature")).isEqualTo("sha256=" + ChannelFixtures.hmacHex(SECRET, body));
		JsonNode sent = this.json.readTree(body);
		assertThat(sent.path("deliveryId").asString()).isEqualTo("e42:u5:WEBHOOK");
		assertThat(sent.path("kind").asString()).isEqualTo("NEW_ASSIGNMENT");
		assertThat(sent.path("ticket").asString()).isEqualTo("UGD-2026-000042");
		assertThat(sent.path("kecamatan").asString()).isEqualTo("Cibeunying Kaler");
		assertThat(sent.path("priority").asString()).isEqualTo("TINGGI");
		assertThat(sent.path("dueAt").asString()).isEqualTo("2026-12-01T18:30:00+07:00");
		assertThat(sent.path("link").asString()).isEqualTo("https://ugd.example.go.id/penugasan/17");
		assertThat(new String(body)).doesNotContain(ChannelFixtures.NIK, "Siti", "makan");
	}

	@Test
	void theDigestsFields() {
		this.receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
		assertThat(channel(SECRET).send(ChannelFixtures.digest(ChannelType.WEBHOOK, "webhook")))
			.isInstanceOf(SendResult.Sent.class);
		JsonNode sent = this.json.readTree(this.receiver.getAllServeEvents().get(0).getRequest().getBody());
		assertThat(sent.path("kind").asString()).isEqualTo("DIGEST");
		assertThat(sent.path("compliance").asString()).isEqualTo("87 %");
		assertThat(sent.path("byDinas").path(0).path("dinas").asString()).isEqualTo("Dinas Sosial");
		assertThat(sent.path("oldest").path(0).path("ticket").asString()).isEqualTo("UGD-2026-000007");
	}

	@Test
	void withoutASecretTheSignatureIsLeftOut() {
		this.receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
		assertThat(channel(null).send(ChannelFixtures.assignment(ChannelType.WEBHOOK, "webhook")))
			.isInstanceOf(SendResult.Sent.class);
		LoggedRequest request = this.receiver.getAllServeEvents().get(0).getRequest();
		assertThat(request.containsHeader("X-UGD-Signature")).isFalse();
		assertThat(request.containsHeader("X-UGD-Delivery")).isTrue();
	}

	@Test
	void serverErrorsAndTooManyRequestsAreRetriedOtherClientErrorsFail() {
		this.receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(503)));
		assertThat(send()).isInstanceOf(SendResult.Retry.class);
		this.receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
		assertThat(send()).isInstanceOfSatisfying(SendResult.Retry.class,
				(retry) -> assertThat(retry.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
		this.receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(404).withBody("no such hook")));
		assertThat(send()).isInstanceOfSatisfying(SendResult.Failed.class,
				(failed) -> assertThat(failed.reason()).contains("404", "no such hook"));
		this.receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
		assertThat(send()).isInstanceOf(SendResult.Retry.class);
	}

	@Test
	void describesTheUrlWithoutItsQuery() {
		WebhookChannel channel = new WebhookChannel(
				new WebhookProperties(this.receiver.baseUrl() + "/hook?key=abc", SECRET, Duration.ofSeconds(1)),
				ChannelFixtures.texts(), this.json, Clock.systemUTC());
		assertThat(channel.describe()).startsWith(this.receiver.baseUrl() + "/hook").doesNotContain("abc", SECRET);
		assertThat(new WebhookChannel(new WebhookProperties(" ", null, Duration.ofSeconds(1)), ChannelFixtures.texts(),
				this.json, Clock.systemUTC())
			.configured()).isFalse();
	}

	private SendResult send() {
		return channel(SECRET).send(ChannelFixtures.assignment(ChannelType.WEBHOOK, "webhook"));
	}

	private WebhookChannel channel(@Nullable String secret) {
		return new WebhookChannel(
				new WebhookProperties(this.receiver.baseUrl() + "/hook", secret, Duration.ofSeconds(1)),
				ChannelFixtures.texts(), this.json, Clock.systemUTC());
	}

}
