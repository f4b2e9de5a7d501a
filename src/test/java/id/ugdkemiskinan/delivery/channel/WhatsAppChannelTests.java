package id.ugdkemiskinan.delivery.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppChannelTests {

	private static final String PATH = "/v23.0/106540352242922/messages";

	private static final String ACCEPTED = """
			{"messaging_product": "whatsapp",
			 "contacts": [{"input": "6281234567890", "wa_id": "6281234567890"}],
			 "messages": [{"id": "wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA", "message_status": "accepted"}]}
			""";

	private static final Instant NOW = Instant.parse("2026-12-01T11:30:00Z");

	private final WireMockServer meta = new WireMockServer(options().dynamicPort());

	@BeforeEach
	void start() {
		this.meta.start();
	}

	@AfterEach
	void stop() {
		this.meta.stop();
	}

	@Test
	void sendsTheKindsTemplateWithItsParametersInOrder() {
		this.meta.stubFor(post(PATH).willReturn(okJson(ACCEPTED)));

		SendResult result = channel().send(ChannelFixtures.assignment(ChannelType.WHATSAPP, "+6281234567890"));

		assertThat(result).isInstanceOfSatisfying(SendResult.Sent.class, (sent) -> {
			assertThat(sent.providerId()).isEqualTo("wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA");
			assertThat(sent.subject()).isEqualTo("Penugasan baru UGD-2026-000042: Pangan, Kec. Cibeunying Kaler");
			assertThat(sent.body()).contains("Dinas Anda mendapat penugasan baru");
		});
		this.meta.verify(1,
				postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer test-token"))
					.withHeader("Content-Type", equalTo("application/json"))
					.withRequestBody(equalToJson("""
							{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "6281234567890",
							 "type": "template",
							 "template": {"name": "ugd_penugasan_baru", "language": {"code": "id"},
							   "components": [{"type": "body", "parameters": [
							     {"type": "text", "text": "UGD-2026-000042"},
							     {"type": "text", "text": "Cibeunying Kaler"},
							     {"type": "text", "text": "Pangan"},
							     {"type": "text", "text": "1 Des 2026 18.30 WIB"},
							     {"type": "text", "text": "https://ugd.example.go.id/penugasan/17"}]}]}}
							""")));
		String sentBody = this.meta.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(sentBody).doesNotContain(ChannelFixtures.NIK, "Siti", "makan");
	}

	@Test
	void theDigestsParametersAreDateComplianceLateAndLink() {
		this.meta.stubFor(post(PATH).willReturn(okJson(ACCEPTED)));

		assertThat(channel().send(ChannelFixtures.digest(ChannelType.WHATSAPP, "+6281234567890")))
			.isInstanceOf(SendResult.Sent.class);
		this.meta.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
				{"template": {"name": "ugd_ringkasan_harian", "language": {"code": "id"},
				   "components": [{"type": "body", "parameters": [
				     {"type": "text", "text": "1 Des 2026"},
				     {"type": "text", "text": "87 %"},
				     {"type": "text", "text": "4"},
				     {"type": "text", "text": "https://ugd.example.go.id/dasbor"}]}]}}
				""", false, true)));
	}

	@Test
	void aServerErrorIsRetried() {
		this.meta.stubFor(post(PATH).willReturn(aResponse().withStatus(500).withBody("{}")));
		assertThat(send()).isInstanceOfSatisfying(SendResult.Retry.class,
				(retry) -> assertThat(retry.reason()).contains("500"));
	}

	@Test
	void tooManyRequestsIsRetriedAfterWhatMetaAsks() {
		this.meta.stubFor(post(PATH).willReturn(aResponse().withStatus(429)
			.withHeader("Retry-After", "120")
			.withBody("{\"error\": {\"message\": \"(#130429) Rate limit hit\", \"code\": 130429}}")));
		assertThat(send()).isInstanceOfSatisfying(SendResult.Retry.class, (retry) -> {
			assertThat(retry.retryAfter()).isEqualTo(Duration.ofSeconds(120));
			assertThat(retry.reason()).contains("130429");
		});
	}

	@Test
	void retryAfterAsAnHttpDate() {
		this.meta.stubFor(post(PATH).willReturn(
				aResponse().withStatus(429).withHeader("Retry-After", "Tue, 01 Dec 2026 11:35:00 GMT").withBody("{}")));
		assertThat(send()).isInstanceOfSatisfying(SendResult.Retry.class,
				(retry) -> assertThat(retry.retryAfter()).isEqualTo(Duration.ofMinutes(5)));
	}

	@Test
	void aRefusedMessageFailsWithMetasCodeAndMessage() {
		this.meta.stubFor(post(PATH)
			.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
					{"error": {"message": "Message undeliverable", "type": "OAuthException", "code": 131026,
					  "error_data": {"messaging_product": "whatsapp", "details": "Message undeliverable"},
					  "fbtrace_id": "AbCdEf"}}
					""")));
		assertThat(send()).isInstanceOfSatisfying(SendResult.Failed.class,
				(failed) -> assertThat(failed.reason()).contains("131026: Message undeliverable")
					.doesNotContain("test-token"));
	}

	@Test
	void noAnswerWithinTheTimeoutIsRetried() {
		this.meta.stubFor(post(PATH).willReturn(okJson(ACCEPTED).withFixedDelay(3_000)));
		long started = System.nanoTime();
		assertThat(send()).isInstanceOf(SendResult.Retry.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
	}

	@Test
	void aServerThatIsDownIsRetried() {
		int port = this.meta.port();
		this.meta.stop();
		WhatsAppChannel channel = channel("http://127.0.0.1:" + port + "/v23.0");
		assertThat(channel.send(ChannelFixtures.assignment(ChannelType.WHATSAPP, "+6281234567890")))
			.isInstanceOf(SendResult.Retry.class);
	}

	@Test
	void configuredWithUrlPhoneNumberIdAndTokenAndNeverDescribesTheToken() {
		WhatsAppChannel channel = channel();
		assertThat(channel.configured()).isTrue();
		assertThat(channel.describe()).contains("106540352242922").doesNotContain("test-token");
		WhatsAppChannel withoutToken = new WhatsAppChannel(new WhatsAppProperties(this.meta.baseUrl(),
				"106540352242922", " ", null, null, Duration.ofSeconds(1), Map.of()), ChannelFixtures.texts(),
				JsonMapper.builder().build(), Clock.systemUTC());
		assertThat(withoutToken.configured()).isFalse();
	}

	private SendResult send() {
		return channel().send(ChannelFixtures.assignment(ChannelType.WHATSAPP, "+6281234567890"));
	}

	private WhatsAppChannel channel() {
		return channel(this.meta.baseUrl() + "/v23.0/");
	}

	private static WhatsAppChannel channel(String apiUrl) {
		WhatsAppProperties properties = new WhatsAppProperties(apiUrl, "106540352242922", "test-token", "app-secret",
				"verify", Duration.ofSeconds(1),
				Map.of(DeliveryKind.NEW_ASSIGNMENT, new WhatsAppProperties.Template("ugd_penugasan_baru", "id"),
						DeliveryKind.DIGEST, new WhatsAppProperties.Template("ugd_ringkasan_harian", "id")));
		return new WhatsAppChannel(properties, ChannelFixtures.texts(), JsonMapper.builder().build(),
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

}
