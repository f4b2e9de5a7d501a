package id.ugdkemiskinan.delivery.channel;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** What became of one send. */
public sealed interface SendResult {

	/**
	 * Accepted by the server.
	 *
	 * @param providerId the server's id for it (WhatsApp's wamid), if any
	 * @param subject what the log shows as its subject
	 * @param body the text as sent (for the log and the Kotak keluar)
	 */
	record Sent(@Nullable String providerId, String subject, String body) implements SendResult {
	}

	/**
	 * Worth another try (a timeout, a 5xx, a 429).
	 *
	 * @param reason why, for the log
	 * @param retryAfter what the server asked for ({@code Retry-After}), if it did
	 */
	record Retry(String reason, @Nullable Duration retryAfter) implements SendResult {
	}

	/** Will never succeed (a bad number, an unknown template): no retry. */
	record Failed(String reason) implements SendResult {
	}

}
