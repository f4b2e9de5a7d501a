package id.ugdkemiskinan.delivery.channel;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.delivery.ResidentMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages to residents on the wire: the template per kind with its parameters in the
 * documented order, the quick-reply payloads of "sudah tertangani?", the inbox's reply as
 * free text inside the service window and as the template outside it, the SMS request
 * through the webhook; and the previews staff see, without the access code.
 */
class ResidentChannelTests {

	private static final String PATH = "/v23.0/106540352242922/messages";

	private static final String ACCEPTED = """
			{"messaging_product": "whatsapp", "messages": [{"id": "wamid.RESIDENT"}]}""";

	private static final Instant NOW = Instant.parse("2026-12-01T11:30:00Z");

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void start() {
		this.server.start();
		this.server.stubFor(post(PATH).willReturn(okJson(ACCEPTED)));
		this.server.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void theReceiptGoesAsItsTemplateWithTicketCodeDateDinasAndLinkWhileThePreviewHidesTheCode() {
		SendResult result = whatsApp().send(receipt(ChannelType.WHATSAPP));

		this.server.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "6281234567890",
				 "type": "template",
				 "template": {"name": "ugd_warga_tanda_terima", "language": {"code": "id"},
				   "components": [{"type": "body", "parameters": [
				     {"type": "text", "text": "UGD-26-000042"},
				     {"type": "text", "text": "K7MQX-3PA9R"},
				     {"type": "text", "text": "1 Des 2026 18.30 WIB"},
				     {"type": "text", "text": "Dinas Sosial (respon paling lambat 1 Des 2026 22.30 WIB)"},
				     {"type": "text", "text": "https://ugd.example.go.id/cek"}]}]}}
				""")));
		assertThat(result).isInstanceOfSatisfying(SendResult.Sent.class, (sent) -> {
			assertThat(sent.subject()).isEqualTo("Tanda terima untuk warga UGD-26-000042");
			assertThat(sent.body()).contains("UGD-26-000042", "Dinas Sosial", "https://ugd.example.go.id/cek")
				.doesNotContain("K7MQX", "3PA9R");
		});
	}

	@Test
	void sudahTertanganiCarriesTheTwoQuickReplyPayloads() {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("ticket", "UGD-26-000042");
		params.put("link", "https://ugd.example.go.id/cek");

		whatsApp().send(message(DeliveryKind.RESIDENT_RESOLVED, ChannelType.WHATSAPP, params));

		this.server.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "6281234567890",
				 "type": "template",
				 "template": {"name": "ugd_warga_sudah_tertangani", "language": {"code": "id"},
				   "components": [
				     {"type": "body", "parameters": [
				       {"type": "text", "text": "UGD-26-000042"},
				       {"type": "text", "text": "https://ugd.example.go.id/cek"}]},
				     {"type": "button", "sub_type": "quick_reply", "index": "0",
				      "parameters": [{"type": "payload", "payload": "ugd-fb:UGD-26-000042:SUDAH"}]},
				     {"type": "button", "sub_type": "quick_reply", "index": "1",
				      "parameters": [{"type": "payload", "payload": "ugd-fb:UGD-26-000042:BELUM"}]}]}}
				""")));
	}

	@Test
	void aTappedButtonsPayloadReadsBackAsTheTicketAndTheAnswer() {
		assertThat(ResidentMessages.feedbackTap(ResidentMessages.feedbackPayload("UGD-26-000042", false)))
			.contains(new ResidentMessages.FeedbackTap("UGD-26-000042", false));
		assertThat(ResidentMessages.feedbackTap("ugd-fb:UGD-26-000042:SUDAH"))
			.contains(new ResidentMessages.FeedbackTap("UGD-26-000042", true));
		assertThat(ResidentMessages.feedbackTap("ugd-fb:UGD-26-000042:MUNGKIN")).isEmpty();
		assertThat(ResidentMessages.feedbackTap("Sudah")).isEmpty();
		assertThat(ResidentMessages.feedbackTap("ugd-fb:UGD-26-000042\u0000:BELUM")).isEmpty();
	}

	@Test
	void aReplyInsideTheServiceWindowIsFreeTextAndOutsideItTheReplyTemplate() {
		String text = "Terima kasih, Bu.\nPetugas akan datang besok pagi.";
		SendResult sent = whatsApp()
			.send(message(DeliveryKind.INBOX_REPLY, ChannelType.WHATSAPP, Map.of("text", text, "mode", "TEXT")));
		whatsApp()
			.send(message(DeliveryKind.INBOX_REPLY, ChannelType.WHATSAPP, Map.of("text", text, "mode", "TEMPLATE")));

		this.server.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "6281234567890",
				 "type": "text", "text": {"body": "Terima kasih, Bu.\\nPetugas akan datang besok pagi.",
				 "preview_url": false}}
				""")));
		this.server.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
				{"messaging_product": "whatsapp", "recipient_type": "individual", "to": "6281234567890",
				 "type": "template",
				 "template": {"name": "ugd_balasan", "language": {"code": "id"},
				   "components": [{"type": "body", "parameters": [
				     {"type": "text", "text": "Terima kasih, Bu. Petugas akan datang besok pagi."}]}]}}
				""")));
		assertThat(sent).isInstanceOfSatisfying(SendResult.Sent.class, (s) -> assertThat(s.body()).isEqualTo(text));
	}

	@Test
	void whereWhatsAppIsNotUsedTheWebhookGetsASignedSmsRequest() throws Exception {
		WebhookChannel webhook = new WebhookChannel(
				new WebhookProperties(this.server.baseUrl() + "/hook", "sms-secret", Duration.ofSeconds(1)),
				ChannelFixtures.texts(), this.json, Clock.systemUTC());

		SendResult result = webhook.send(receipt(ChannelType.WEBHOOK));

		LoggedRequest request = this.server.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
		byte[] body = request.getBody();
		assertThat(request.getHeader(WebhookChannel.SIGNATURE_HEADER))
			.isEqualTo("sha256=" + ChannelFixtures.hmacHex("sms-secret", body));
		JsonNode sms = this.json.readTree(body);
		assertThat(sms.path("event").asString()).isEqualTo("resident.sms");
		assertThat(sms.path("kind").asString()).isEqualTo("RESIDENT_RECEIPT");
		assertThat(sms.path("phone").asString()).isEqualTo("+6281234567890");
		assertThat(sms.path("ticket").asString()).isEqualTo("UGD-26-000042");
		assertThat(sms.path("text").asString()).contains("UGD-26-000042", "K7MQX-3PA9R", "Dinas Sosial",
				"https://ugd.example.go.id/cek");
		assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("Siti", ChannelFixtures.NIK);
		assertThat(result).isInstanceOfSatisfying(SendResult.Sent.class,
				(sent) -> assertThat(sent.body()).as("what the log keeps").doesNotContain("K7MQX"));
	}

	@Test
	void everyResidentKindHasAPreviewInBahasaIndonesia() {
		MessageTexts texts = ChannelFixtures.texts();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("ticket", "UGD-26-000042");
		params.put("dinas", "Dinas Sosial");
		params.put("respondedAt", "1 Des 2026 19.10 WIB");
		params.put("link", "https://ugd.example.go.id/cek");
		params.put("text", "Baik, Bu.");
		params.put("kecamatan", "Muncar");
		params.put("category", "Pendidikan");

		assertThat(texts.preview(message(DeliveryKind.RESIDENT_RESPONDED, ChannelType.WHATSAPP, params)).text())
			.isEqualTo("UGD Kemiskinan: aduan UGD-26-000042 — Dinas Sosial sudah merespon pada 1 Des 2026 19.10 WIB."
					+ " Cek perkembangannya di https://ugd.example.go.id/cek.");
		assertThat(texts.preview(message(DeliveryKind.RESIDENT_RESOLVED, ChannelType.WHATSAPP, params)).text())
			.contains("Sudah tertangani?", "\"Sudah\"", "\"Belum\"");
		assertThat(texts.preview(message(DeliveryKind.RESIDENT_CLOSED, ChannelType.WHATSAPP, params)).subject())
			.isEqualTo("Kabar untuk warga UGD-26-000042: kasus ditutup");
		assertThat(texts.preview(message(DeliveryKind.INBOX_REPLY, ChannelType.WHATSAPP, params)))
			.isEqualTo(new MessageTexts.Preview("Balasan kotak masuk untuk warga UGD-26-000042", "Baik, Bu."));
		assertThat(texts.preview(message(DeliveryKind.RESIDENT_REOPENED, ChannelType.EMAIL, params)).subject())
			.isEqualTo("Dibuka kembali oleh warga UGD-26-000042: Pendidikan, Kec. Muncar");
	}

	private static OutgoingMessage receipt(ChannelType channel) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("ticket", "UGD-26-000042");
		params.put("accessCode", "K7MQX-3PA9R");
		params.put("filedAt", "1 Des 2026 18.30 WIB");
		params.put("dinasDue", "Dinas Sosial (respon paling lambat 1 Des 2026 22.30 WIB)");
		params.put("link", "https://ugd.example.go.id/cek");
		return message(DeliveryKind.RESIDENT_RECEIPT, channel, params);
	}

	private static OutgoingMessage message(DeliveryKind kind, ChannelType channel, Map<String, Object> params) {
		return new OutgoingMessage(7, "e42:resident:" + channel, kind, channel, "+6281234567890", "Warga", params);
	}

	private WhatsAppChannel whatsApp() {
		Map<DeliveryKind, WhatsAppProperties.Template> templates = Map.of(DeliveryKind.RESIDENT_RECEIPT,
				new WhatsAppProperties.Template("ugd_warga_tanda_terima", "id"), DeliveryKind.RESIDENT_RESOLVED,
				new WhatsAppProperties.Template("ugd_warga_sudah_tertangani", "id"), DeliveryKind.INBOX_REPLY,
				new WhatsAppProperties.Template("ugd_balasan", "id"));
		return new WhatsAppChannel(
				new WhatsAppProperties(this.server.baseUrl() + "/v23.0", "106540352242922", "test-token", "app-secret",
						"verify", Duration.ofSeconds(1), templates),
				ChannelFixtures.texts(), this.json, Clock.fixed(NOW, ZoneOffset.UTC));
	}

}
