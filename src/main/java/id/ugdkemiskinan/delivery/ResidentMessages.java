package id.ugdkemiskinan.delivery;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Messages to a resident's WhatsApp number that are not about an event: replies from the
 * intake inbox. Inside WhatsApp's customer-service window (24 hours after the resident's
 * last message) a reply goes as free text; outside it only as an approved template (the
 * {@code INBOX_REPLY} template, whose one parameter is the text). Written to the outbox,
 * sent by its senders like every delivery.
 */
public interface ResidentMessages {

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
