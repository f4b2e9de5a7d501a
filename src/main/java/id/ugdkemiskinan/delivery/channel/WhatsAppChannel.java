package id.ugdkemiskinan.delivery.channel;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.delivery.ResidentMessages;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * WhatsApp through Meta's Cloud API: one approved template message per delivery (a reply
 * from the inbox inside the customer-service window as free text, {@code type: text}),
 * {@code POST {api-url}/{phone-number-id}/messages} with the access token as Bearer. The
 * template per kind (name, language) is configured ({@code ugd.whatsapp.templates.*});
 * its body's parameters are, in order, the ticket, kecamatan, category, due time and link
 * (the digest: date, compliance, late, link; the resident's and the other kinds' see
 * {@link #parameterNames} and the README; "sudah tertangani?" adds two quick-reply
 * buttons with the payloads {@code ugd-fb:<ticket>:SUDAH} and {@code …:BELUM}). Sent is
 * Meta's acceptance with the message's id (wamid); delivered and read come later through
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

	/**
	 * The answers of the quick-reply buttons, in the buttons' order ("Sudah", "Belum").
	 */
	static final List<Boolean> RESOLVED_ANSWERS = List.of(true, false);

	/** The body parameters of every other kind's template, in order. */
	private static final Map<DeliveryKind, List<String>> PARAMETERS = Map.of(DeliveryKind.RESIDENT_RECEIPT,
			List.of("ticket", "accessCode", "filedAt", "dinasDue", "link"), DeliveryKind.RESIDENT_RESPONDED,
			List.of("ticket", "dinas", "respondedAt", "link"), DeliveryKind.RESIDENT_RESOLVED,
			List.of("ticket", "link"), DeliveryKind.RESIDENT_CLOSED, List.of("ticket", "link"),
			DeliveryKind.RESIDENT_REOPENED, List.of("ticket", "kecamatan", "category", "link"),
			DeliveryKind.INBOX_REPLY, List.of("text"), DeliveryKind.DIGEST, DIGEST_PARAMETERS);

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
		boolean freeText = isFreeText(message);
		WhatsAppProperties.Template template = this.properties.templates().get(message.kind());
		if (template == null && !freeText) {
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
			body = this.json.writeValueAsBytes(freeText ? text(to, message) : request(to, template, message));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return new SendResult.Failed("cannot build the request: " + ex.getMessage());
		}
		String token = this.properties.token().strip();
		return this.http.post(uri, (headers) -> headers.setBearerAuth(token), body,
				(response) -> new SendResult.Sent(wamid(response.body()), preview.subject(), preview.text()),
				(response) -> error(response.body()));
	}

	/**
	 * A reply from the inbox inside the customer-service window goes as free text; any
	 * other message as a template.
	 */
	static boolean isFreeText(OutgoingMessage message) {
		return message.kind() == DeliveryKind.INBOX_REPLY && "TEXT".equals(message.param("mode"));
	}

	/** The Cloud API's free-text message: {@code type: text}. */
	private static Map<String, Object> text(String to, OutgoingMessage message) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("messaging_product", "whatsapp");
		request.put("recipient_type", "individual");
		request.put("to", to);
		request.put("type", "text");
		request.put("text", Map.of("body", message.param("text"), "preview_url", false));
		return request;
	}

	/** The Cloud API's template message (messages endpoint). */
	private static Map<String, Object> request(String to, WhatsAppProperties.Template template,
			OutgoingMessage message) {
		List<Map<String, Object>> parameters = new ArrayList<>();
		for (String name : parameterNames(message.kind())) {
			// Meta refuses a text parameter that is empty or holds new lines, tabs or
			// more than four spaces in a row.
			String value = message.param(name).replaceAll("[\\t\\r\\n]+", " ").replaceAll(" {4,}", "   ").strip();
			parameters.add(Map.of("type", "text", "text", value.isEmpty() ? "-" : value));
		}
		List<Map<String, Object>> components = new ArrayList<>();
		components.add(Map.of("type", "body", "parameters", parameters));
		if (message.kind() == DeliveryKind.RESIDENT_RESOLVED) {
			for (int i = 0; i < RESOLVED_ANSWERS.size(); i++) {
				components.add(Map.of("type", "button", "sub_type", "quick_reply", "index", String.valueOf(i),
						"parameters", List.of(Map.of("type", "payload", "payload",
								ResidentMessages.feedbackPayload(message.param("ticket"), RESOLVED_ANSWERS.get(i))))));
			}
		}
		Map<String, Object> templateObject = new LinkedHashMap<>();
		templateObject.put("name", template.name());
		templateObject.put("language", Map.of("code", template.language()));
		templateObject.put("components", components);
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("messaging_product", "whatsapp");
		request.put("recipient_type", "individual");
		request.put("to", to);
		request.put("type", "template");
		request.put("template", templateObject);
		return request;
	}

	static List<String> parameterNames(DeliveryKind kind) {
		return PARAMETERS.getOrDefault(kind, CASE_PARAMETERS);
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
