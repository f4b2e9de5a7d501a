package id.ugdkemiskinan.delivery.channel;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.common.Problems;
import id.ugdkemiskinan.delivery.WhatsAppMessageReceived;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's WhatsApp webhook at {@code /api/v1/whatsapp/webhook}, open to all: it
 * authenticates by signature, not by login. {@code GET} is the verification handshake
 * ({@code hub.mode=subscribe} and {@code hub.verify_token} equal to
 * {@code ugd.whatsapp.verify-token} → the {@code hub.challenge} as text, else 403).
 * {@code POST} carries status callbacks, signed with the app secret
 * ({@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}; missing or
 * wrong, or no app secret configured → 401): each
 * {@code entry[].changes[].value.statuses[]} moves its WhatsApp delivery (found by the
 * wamid, {@code provider_id}) only forward, SENT → DELIVERED → READ, or to FAILED with
 * Meta's error; a replayed callback changes nothing. Each resident's message
 * ({@code value.messages[]}, with {@code value.metadata.phone_number_id} and the profile
 * name from {@code value.contacts[]}) is published as a {@link WhatsAppMessageReceived},
 * synchronously, so that its listener has stored it before Meta gets the 200; a malformed
 * message is skipped.
 */
@RestController
@RequestMapping(WhatsAppWebhookController.PATH)
public class WhatsAppWebhookController {

	/** Where Meta calls. */
	public static final String PATH = "/api/v1/whatsapp/webhook";

	static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

	private static final String FORWARD = """
			UPDATE delivery SET status = :status, updated_at = :now
			WHERE channel = 'WHATSAPP' AND provider_id = :wamid AND status IN (:from)
			""";

	private static final String FAILED = """
			UPDATE delivery SET status = 'FAILED', last_error = :error, updated_at = :now
			WHERE channel = 'WHATSAPP' AND provider_id = :wamid AND status IN ('SENT', 'DELIVERED')
			""";

	private final WhatsAppProperties properties;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Problems problems;

	private final ApplicationEventPublisher publisher;

	public WhatsAppWebhookController(WhatsAppProperties properties, JsonMapper json, JdbcClient jdbc, Clock clock,
			Problems problems, ApplicationEventPublisher publisher) {
		this.properties = properties;
		this.json = json;
		this.jdbc = jdbc;
		this.clock = clock;
		this.problems = problems;
		this.publisher = publisher;
	}

	@GetMapping
	ResponseEntity<?> verify(@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
			@RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
			@RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
		String expected = this.properties.verifyToken();
		if ("subscribe".equals(mode) && expected != null && !expected.isBlank()
				&& Signatures.equalsConstantTime(expected, token) && challenge != null) {
			return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
		}
		return problem(HttpStatus.FORBIDDEN, "whatsapp.webhook.verifyFailed");
	}

	@PostMapping
	ResponseEntity<?> callback(HttpServletRequest request) throws IOException {
		byte[] body = request.getInputStream().readAllBytes();
		String secret = this.properties.appSecret();
		if (secret == null || secret.isBlank()
				|| !Signatures.verify(secret, body, request.getHeader(SIGNATURE_HEADER))) {
			return problem(HttpStatus.UNAUTHORIZED, "whatsapp.webhook.badSignature");
		}
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return problem(HttpStatus.BAD_REQUEST, "api.malformed");
		}
		if (root == null || !root.isObject()) {
			return problem(HttpStatus.BAD_REQUEST, "api.malformed");
		}
		for (JsonNode entry : root.path("entry")) {
			for (JsonNode change : entry.path("changes")) {
				JsonNode value = change.path("value");
				for (JsonNode status : value.path("statuses")) {
					apply(status);
				}
				String businessNumber = value.path("metadata").path("phone_number_id").asString("");
				Map<String, String> names = new HashMap<>();
				for (JsonNode contact : value.path("contacts")) {
					String name = contact.path("profile").path("name").asString("");
					if (!name.isBlank()) {
						names.put(contact.path("wa_id").asString(""), name);
					}
				}
				for (JsonNode message : value.path("messages")) {
					WhatsAppMessageReceived received = incoming(message, businessNumber, names);
					if (received != null) {
						this.publisher.publishEvent(received);
					}
				}
			}
		}
		return ResponseEntity.ok().build();
	}

	/**
	 * One status: forward only, so that a replay (or a late "delivered") changes nothing.
	 */
	private void apply(JsonNode status) {
		String wamid = status.path("id").asString("");
		if (wamid.isBlank()) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		switch (status.path("status").asString("")) {
			case "delivered" -> forward(wamid, "DELIVERED", List.of("SENT"), now);
			case "read" -> forward(wamid, "READ", List.of("SENT", "DELIVERED"), now);
			case "failed" -> this.jdbc.sql(FAILED)
				.param("error", error(status.path("errors").path(0)))
				.param("now", now)
				.param("wamid", wamid)
				.update();
			default -> {
				// "sent" is what the row already says; anything else is not ours to
				// track.
			}
		}
	}

	private void forward(String wamid, String target, List<String> from, Timestamp now) {
		this.jdbc.sql(FORWARD)
			.param("status", target)
			.param("now", now)
			.param("wamid", wamid)
			.param("from", from)
			.update();
	}

	/**
	 * One resident's message, or {@code null} when it lacks what makes it one (id,
	 * sender, the number it came to, a time).
	 */
	static @Nullable WhatsAppMessageReceived incoming(JsonNode message, String businessNumber,
			Map<String, String> names) {
		if (!message.isObject() || businessNumber.isBlank() || businessNumber.length() > 50) {
			return null;
		}
		String wamid = message.path("id").asString("");
		String from = message.path("from").asString("");
		String type = message.path("type").asString("");
		if (wamid.isBlank() || wamid.length() > 200 || !from.matches("[0-9]{8,15}") || !type.matches("[a-z_]{1,20}")) {
			return null;
		}
		Instant sentAt;
		try {
			sentAt = Instant.ofEpochSecond(Long.parseLong(message.path("timestamp").asString("")));
		}
		catch (RuntimeException ex) {
			return null;
		}
		String text = null;
		String mediaId = null;
		String mediaType = null;
		String filename = null;
		String payload = null;
		switch (type) {
			case "text" -> text = textOf(message.path("text").path("body"));
			case "image", "document" -> {
				JsonNode media = message.path(type);
				mediaId = textOf(media.path("id"));
				if (mediaId == null || mediaId.length() > 200) {
					return null;
				}
				mediaType = limit(textOf(media.path("mime_type")), 100);
				filename = limit(textOf(media.path("filename")), 200);
				text = textOf(media.path("caption"));
			}
			case "button" -> {
				payload = textOf(message.path("button").path("payload"));
				text = textOf(message.path("button").path("text"));
			}
			case "interactive" -> {
				JsonNode reply = message.path("interactive").path("button_reply");
				if (reply.isMissingNode()) {
					reply = message.path("interactive").path("list_reply");
				}
				payload = textOf(reply.path("id"));
				text = textOf(reply.path("title"));
			}
			default -> {
				// audio, location, sticker, video...: stored with their type only.
			}
		}
		String name = limit(names.get(from), 100);
		return new WhatsAppMessageReceived(wamid, businessNumber, "+" + from, name, type, limit(text, 4000), mediaId,
				mediaType, filename, limit(payload, 200), sentAt);
	}

	private static @Nullable String textOf(JsonNode node) {
		if (!node.isString()) {
			return null;
		}
		String text = node.asString().replace("\0", "").strip();
		return text.isEmpty() ? null : text;
	}

	private static @Nullable String limit(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	/** Meta's error as {@code <code>: <title>} (else its message). */
	private static String error(JsonNode error) {
		String code = error.path("code").asString("");
		String title = error.path("title").asString("");
		if (title.isBlank()) {
			title = error.path("message").asString("");
		}
		String reason = code.isEmpty() ? title : code + ": " + title;
		if (reason.isBlank()) {
			reason = "failed";
		}
		return JsonPost.trim("WhatsApp " + reason);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(this.problems.of(status, key));
	}

}
