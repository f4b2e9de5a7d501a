package id.ugdkemiskinan.delivery.channel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The outgoing webhook: {@code POST {ugd.webhook.url}} with a JSON body per delivery —
 * {@code deliveryId} (the delivery's key, the same on every retry), {@code kind}, and for
 * a case {@code ticket}, {@code kecamatan}, {@code category}, {@code priority},
 * {@code dinas}, {@code dueAt} (ISO 8601) and {@code link}; for the digest {@code date},
 * {@code compliance}, {@code onTime}, {@code late}, {@code link}, {@code byDinas} and
 * {@code oldest}; an update to a resident where WhatsApp is not used is an SMS request,
 * {@code deliveryId}, {@code kind} ({@code RESIDENT_*}), {@code event}
 * ({@code resident.sms}), {@code phone} (E.164), {@code ticket} and {@code text} (the
 * SMS). Headers: {@code X-UGD-Delivery: <deliveryId>} (for the receiver to drop
 * duplicates) and {@code X-UGD-Signature: sha256=<lowercase hex HMAC-SHA256 of the exact
 * body bytes with ugd.webhook.secret>}; without a secret the signature header is left out
 * (the receiver then has nothing to check: set a secret outside a test). A 2xx is sent; a
 * 429, a 5xx, a timeout or an I/O error is retried; any other 4xx fails.
 */
@Component
public class WebhookChannel implements Channel {

	/** The header naming the delivery. */
	public static final String DELIVERY_HEADER = "X-UGD-Delivery";

	/** The header carrying the body's signature. */
	public static final String SIGNATURE_HEADER = "X-UGD-Signature";

	/**
	 * The event of an SMS to a resident: the gateway is to send {@code text} to
	 * {@code phone}.
	 */
	public static final String RESIDENT_SMS = "resident.sms";

	private static final List<String> CASE_FIELDS = List.of("ticket", "kecamatan", "category", "priority", "dinas");

	private static final List<String> DIGEST_FIELDS = List.of("date", "compliance", "onTime", "late", "link", "byDinas",
			"oldest");

	private final WebhookProperties properties;

	private final MessageTexts texts;

	private final JsonMapper json;

	private final JsonPost http;

	public WebhookChannel(WebhookProperties properties, MessageTexts texts, JsonMapper json, Clock clock) {
		this.properties = properties;
		this.texts = texts;
		this.json = json;
		this.http = new JsonPost(properties.timeout(), clock);
	}

	@Override
	public ChannelType type() {
		return ChannelType.WEBHOOK;
	}

	@Override
	public boolean configured() {
		return !isBlank(this.properties.url());
	}

	/** The receiver's URL without its query (which might hold a key). */
	@Override
	public String describe() {
		if (!configured()) {
			return "-";
		}
		try {
			URI uri = URI.create(this.properties.url().strip());
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString()
					+ (isBlank(this.properties.secret()) ? "" : ", sha256");
		}
		catch (Exception ex) {
			return "-";
		}
	}

	@Override
	public SendResult send(OutgoingMessage message) {
		if (!configured()) {
			return new SendResult.Retry("the webhook is not configured (ugd.webhook.url)", null);
		}
		URI uri;
		byte[] body;
		try {
			uri = URI.create(this.properties.url().strip());
			body = this.json.writeValueAsBytes(body(message));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return new SendResult.Failed("cannot build the request: " + ex.getMessage());
		}
		MessageTexts.Preview preview = this.texts.preview(message);
		String subject = preview.subject();
		// What the log keeps: for a resident's SMS its words without the access code.
		String sentBody = message.kind().toResident() ? preview.text() : new String(body, StandardCharsets.UTF_8);
		String secret = this.properties.secret();
		return this.http.post(uri, (headers) -> {
			headers.set(DELIVERY_HEADER, message.deliveryKey());
			if (!isBlank(secret)) {
				headers.set(SIGNATURE_HEADER, Signatures.sign(secret, body));
			}
		}, body, (response) -> new SendResult.Sent(null, subject, sentBody),
				(response) -> JsonPost.bodyText(response.body()));
	}

	/** The JSON body, in a fixed order. */
	Map<String, Object> body(OutgoingMessage message) {
		return body(message, this.texts);
	}

	static Map<String, Object> body(OutgoingMessage message, MessageTexts texts) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("deliveryId", message.deliveryKey());
		body.put("kind", message.kind().name());
		if (message.kind().toResident()) {
			body.put("event", RESIDENT_SMS);
			body.put("phone", message.recipient());
			body.put("ticket", message.param("ticket"));
			body.put("text", texts.residentText(message));
		}
		else if (message.kind() == DeliveryKind.DIGEST) {
			for (String name : DIGEST_FIELDS) {
				Object value = message.params().get(name);
				body.put(name,
						(value != null) ? value : (name.equals("byDinas") || name.equals("oldest")) ? List.of() : "");
			}
		}
		else {
			for (String name : CASE_FIELDS) {
				body.put(name, message.param(name));
			}
			body.put("dueAt", message.param("dueAtIso"));
			body.put("link", message.param("link"));
		}
		return body;
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
