package id.ugdkemiskinan.delivery.channel;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class WhatsAppWebhookControllerTests {

	private static final String APP_SECRET = "app-secret-for-tests";

	private static final String VERIFY_TOKEN = "verify-token-for-tests";

	private static final String WAMID = "wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABEYEjdGMTJBQTc";

	@DynamicPropertySource
	static void whatsApp(DynamicPropertyRegistry registry) {
		registry.add("ugd.whatsapp.app-secret", () -> APP_SECRET);
		registry.add("ugd.whatsapp.verify-token", () -> VERIFY_TOKEN);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	private long id;

	@BeforeEach
	void insertDelivery() {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.id = this.jdbc.sql("""
				INSERT INTO delivery (delivery_key, kind, channel, recipient, params, status, next_attempt_at,
				                      provider_id, created_at, sent_at, updated_at)
				VALUES ('test:webhook:' || :wamid, 'BREACHED', 'WHATSAPP', '+6281234567890', CAST('{}' AS jsonb),
				        'SENT', :now, :wamid, :now, :now, :now)
				RETURNING id
				""").param("wamid", WAMID).param("now", now).query(Long.class).single();
	}

	@AfterEach
	void deleteDelivery() {
		this.jdbc.sql("DELETE FROM delivery WHERE id = :id").param("id", this.id).update();
	}

	@Test
	void theHandshakeAnswersTheChallengeForTheRightToken() throws Exception {
		this.mvc
			.perform(get(WhatsAppWebhookController.PATH).param("hub.mode", "subscribe")
				.param("hub.verify_token", VERIFY_TOKEN)
				.param("hub.challenge", "1158201444"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
			.andExpect(content().string("1158201444"));
	}

	@Test
	void theHandshakeIsRefusedForAWrongTokenOrMode() throws Exception {
		this.mvc
			.perform(get(WhatsAppWebhookController.PATH).param("hub.mode", "subscribe")
				.param("hub.verify_token", "guess")
				.param("hub.challenge", "1158201444"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("1158201444"))));
		this.mvc
			.perform(get(WhatsAppWebhookController.PATH).param("hub.mode", "unsubscribe")
				.param("hub.verify_token", VERIFY_TOKEN)
				.param("hub.challenge", "1158201444"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aMissingOrWrongSignatureIs401() throws Exception {
		byte[] body = statuses("delivered", null);
		this.mvc.perform(post(WhatsAppWebhookController.PATH).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Tanda tangan X-Hub-Signature-256 tidak ada atau tidak cocok."));
		this.mvc
			.perform(post(WhatsAppWebhookController.PATH).contentType(MediaType.APPLICATION_JSON)
				.header("X-Hub-Signature-256", "sha256=" + ChannelFixtures.hmacHex("another-secret", body))
				.content(body))
			.andExpect(status().isUnauthorized());
		assertThat(row().get("status")).isEqualTo("SENT");
	}

	@Test
	void signedStatusesMoveTheDeliveryForwardAndAReplayChangesNothing() throws Exception {
		callback(statuses("delivered", null)).andExpect(status().isOk());
		assertThat(row().get("status")).isEqualTo("DELIVERED");

		this.clock.advance(Duration.ofMinutes(1));
		callback(statuses("read", null)).andExpect(status().isOk());
		Map<String, Object> read = row();
		assertThat(read.get("status")).isEqualTo("READ");

		this.clock.advance(Duration.ofMinutes(1));
		callback(statuses("read", null)).andExpect(status().isOk());
		callback(statuses("delivered", null)).andExpect(status().isOk());
		callback(statuses("sent", null)).andExpect(status().isOk());
		assertThat(row()).isEqualTo(read);
	}

	@Test
	void aFailedStatusFailsTheDeliveryWithMetasReason() throws Exception {
		callback(statuses("failed", """
				[{"code": 131026, "title": "Message undeliverable", "message": "Message undeliverable",
				  "error_data": {"details": "Message Undeliverable."}}]""")).andExpect(status().isOk());
		Map<String, Object> failed = row();
		assertThat(failed.get("status")).isEqualTo("FAILED");
		assertThat((String) failed.get("last_error")).contains("131026", "Message undeliverable");

		this.clock.advance(Duration.ofMinutes(1));
		callback(statuses("read", null)).andExpect(status().isOk());
		assertThat(row()).isEqualTo(failed);
	}

	@Test
	void incomingMessagesAreAcceptedAndIgnored() throws Exception {
		callback("""
				{"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages",
				  "value": {"messaging_product": "whatsapp", "messages": [{"from": "6281234567890", "id": "wamid.in",
				  "timestamp": "1764588000", "type": "text", "text": {"body": "Halo"}}]}}]}]}
				""".getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk());
		assertThat(row().get("status")).isEqualTo("SENT");
	}

	@Test
	void malformedJsonIs400() throws Exception {
		callback("{\"entry\": [".getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Isi permintaan bukan JSON yang sah."));
	}

	private ResultActions callback(byte[] body) throws Exception {
		return this.mvc.perform(post(WhatsAppWebhookController.PATH).contentType(MediaType.APPLICATION_JSON)
			.header("X-Hub-Signature-256", "sha256=" + ChannelFixtures.hmacHex(APP_SECRET, body))
			.content(body));
	}

	private Map<String, Object> row() {
		return this.jdbc.sql("SELECT status, last_error, updated_at FROM delivery WHERE id = :id")
			.param("id", this.id)
			.query()
			.singleRow();
	}

	/** Meta's status callback for our wamid, as its webhook reference shows it. */
	private static byte[] statuses(String status, @Nullable String errors) {
		String json = """
				{"object": "whatsapp_business_account",
				 "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": {
				   "messaging_product": "whatsapp",
				   "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
				   "statuses": [{"id": "%s", "status": "%s", "timestamp": "1764588000",
				                 "recipient_id": "6281234567890"%s}]}}]}]}
				""".formatted(WAMID, status, (errors != null) ? ", \"errors\": " + errors : "");
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
