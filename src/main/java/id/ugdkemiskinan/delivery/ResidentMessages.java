package id.ugdkemiskinan.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Messages to a resident's WhatsApp number that are not about an event: replies from the
 * intake inbox. Inside WhatsApp's customer-service window (24 hours after the resident's
 * last message) a reply goes as free text; outside it only as an approved template (the
 * {@code INBOX_REPLY} template, whose one parameter is the text). Written to the outbox,
 * sent by its senders like every delivery.
 */
public interface ResidentMessages {

	/**
	 * The start of the payload of the "sudah tertangani?" quick-reply buttons:
	 * {@code ugd-fb:<ticket>:SUDAH} and {@code ugd-fb:<ticket>:BELUM}.
	 */
	String FEEDBACK_PAYLOAD_PREFIX = "ugd-fb:";

	/** The payload of a "sudah tertangani?" button. */
	static String feedbackPayload(String ticket, boolean resolved) {
		return FEEDBACK_PAYLOAD_PREFIX + ticket + ":" + (resolved ? "SUDAH" : "BELUM");
	}

	/**
	 * The resident's tap on a "sudah tertangani?" button, read back from the payload of
	 * an incoming button message (empty for any other payload).
	 */
	static Optional<FeedbackTap> feedbackTap(String payload) {
		Matcher matcher = Pattern.compile("^ugd-fb:([A-Z0-9-]{1,20}):(SUDAH|BELUM)$").matcher(payload.strip());
		return matcher.matches() ? Optional.of(new FeedbackTap(matcher.group(1), "SUDAH".equals(matcher.group(2))))
				: Optional.empty();
	}

	/**
	 * @param ticket the case's ticket
	 * @param resolved "Sudah" ({@code true}) or "Belum" ({@code false})
	 */
	record FeedbackTap(String ticket, boolean resolved) {
	}

	/** WhatsApp's customer-service window. */
	Duration SERVICE_WINDOW = Duration.ofHours(24);

	/** Whether a reply now may be free text. */
	static boolean insideServiceWindow(Instant lastIncomingAt, Instant now) {
		return now.isBefore(lastIncomingAt.plus(SERVICE_WINDOW));
	}

	/**
	 * Writes the reply's delivery, once per {@code key} (a second call with the same key
	 * answers the first delivery's id and writes nothing).
	 * @param key unique for the reply, e.g. {@code wa-reply:<message id>}
	 * @param phone E.164 ({@code +62…})
	 * @param text the reply
	 * @param lastIncomingAt the resident's last message (decides text or template)
	 * @param caseId the case it concerns, if any
	 * @return the delivery's id
	 */
	long reply(String key, String phone, String text, Instant lastIncomingAt, @Nullable Long caseId, Instant now);

}
