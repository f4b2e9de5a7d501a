package id.ugdkemiskinan.delivery.channel;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * WhatsApp through Meta's Cloud API: one approved template message per delivery,
 * {@code POST {api-url}/{phone-number-id}/messages} with the access token as Bearer. The
 * template per kind (name, language) is configured ({@code ugd.whatsapp.templates.*});
 * its body's parameters are, in order, the ticket, kecamatan, category, due time and link
 * (the digest: date, compliance, late, link). Sent is Meta's acceptance with the
 * message's id (wamid); delivered and read come later through
 * {@link WhatsAppWebhookController}. A 429, a 5xx, a timeout or an I/O error is retried;
 * any other 4xx fails with Meta's error code and message (e.g.
 * {@code 131026: Message undeliverable}). The token is never logged nor put in a reason.
 */
@Component
public class WhatsAppChannel implements Channel {

	/** The template's body parameters for a case, in order. */
	static final List<String> CASE_PARAMETERS = List.of("ticket", "kecamatan", "category", "dueAt", "link");

	/** The digest template's body parameters, in order. */
	static final List<String> DIGEST_PARAMETERS = List.of("date", "compliance", "late", "link");

	private final WhatsAppProperties properties;

	private final MessageTexts texts;

	private final JsonMapper json;

	private final JsonPost http;

	public WhatsAppChannel(WhatsAppProperties properties, MessageTexts texts, JsonMapper json, Clock clock) {
		this.properties = properties;
		this.texts = texts;
		this.json = json;
		this.http = new JsonPost(properties.timeout(), clock);
	}

	@Override
	public ChannelType type() {
		return ChannelType.WHATSAPP;
	}

	@Override
	public boolean configured() {
		return !isBlank(this.properties.apiUrl()) && !isBlank(this.properties.phoneNumberId())
				&& !isBlank(this.properties.token());
	}

	@Override
	public String describe() {
		if (!configured()) {
			return "-";
		}
		return stripSlash(this.properties.apiUrl()) + ", " + this.properties.phoneNumberId();
	}

	@Override
	public SendResult send(OutgoingMessage message) {
		if (!configured()) {
			return new SendResult.Retry("WhatsApp is not configured (ugd.whatsapp.*)", null);
		}
		WhatsAppProperties.Template template = this.properties.templates().get(message.kind());
		if (template == null) {
			return new SendResult.Failed("no WhatsApp template for " + message.kind());
		}
		String to = message.recipient().replaceAll("[^0-9]", "");
		if (to.isEmpty()) {
			return new SendResult.Failed("not a phone number: " + message.recipient());
		}
		MessageTexts.Preview preview = this.texts.preview(message);
		URI uri;
		byte[] body;
		try {
			uri = URI.create(
					stripSlash(this.properties.apiUrl()) + "/" + this.properties.phoneNumberId().strip() + "/messages");
			body = this.json.writeValueAsBytes(request(to, template, message));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return new SendResult.Failed("cannot build the request: " + ex.getMessage());
		}
		String token = this.properties.token().strip();
		return this.http.post(uri, (headers) -> headers.setBearerAuth(token), body,
				(response) -> new SendResult.Sent(wamid(response.body()), preview.subject(), preview.text()),
				(response) -> error(response.body()));
	}

	/** The Cloud API's template message (messages endpoint). */
	private static Map<String, Object> request(String to, WhatsAppProperties.Template template,
			OutgoingMessage message) {
		List<Map<String, Object>> parameters = new ArrayList<>();
		for (String name : parameterNames(message.kind())) {
			String value = message.param(name).strip();
			// Meta refuses an empty text parameter.
			parameters.add(Map.of("type", "text", "text", value.isEmpty() ? "-" : value));
		}
		Map<String, Object> templateObject = new LinkedHashMap<>();
		templateObject.put("name", template.name());
		templateObject.put("language", Map.of("code", template.language()));
		templateObject.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("messaging_product", "whatsapp");
		request.put("recipient_type", "individual");
		request.put("to", to);
		request.put("type", "template");
		request.put("template", templateObject);
		return request;
	}

	static List<String> parameterNames(DeliveryKind kind) {
		return (kind == DeliveryKind.DIGEST) ? DIGEST_PARAMETERS : CASE_PARAMETERS;
	}

	/** {@code messages[0].id} of the answer, if it has one. */
	private @Nullable String wamid(byte[] body) {
		try {
			JsonNode id = this.json.readTree(body).path("messages").path(0).path("id");
			return (id.isString() && !id.asString().isBlank()) ? id.asString() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** Meta's error as {@code <code>: <message>}, else the start of the body. */
	private String error(byte[] body) {
		try {
			JsonNode error = this.json.readTree(body).path("error");
			if (error.isObject()) {
				String code = error.path("code").asString("");
				String text = error.path("message").asString("");
				String details = error.path("error_data").path("details").asString("");
				String reason = code.isEmpty() ? text : code + ": " + text;
				return (details.isEmpty() || details.equals(text)) ? reason : reason + " (" + details + ")";
			}
		}
		catch (JacksonException ex) {
			// Not JSON: the text below.
		}
		return JsonPost.bodyText(body);
	}

	private static String stripSlash(@Nullable String url) {
		String value = (url != null) ? url.strip() : "";
		while (value.endsWith("/")) {
			value = value.substring(0, value.length() - 1);
		}
		return value;
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
