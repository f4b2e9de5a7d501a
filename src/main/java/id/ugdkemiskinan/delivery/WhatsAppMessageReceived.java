package id.ugdkemiskinan.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A resident's message to one of the UGD's WhatsApp numbers, as Meta's webhook
 * ({@code entry[].changes[].value.messages[]}) delivered it, after its signature was
 * verified. Published synchronously, in the webhook's request: a listener that stores it
 * has stored it before Meta gets its 200. Meta may deliver the same message again: the
 * {@code wamid} is its identity.
 *
 * @param businessNumberId the {@code phone_number_id} it came to
 * @param from the sender, E.164 with {@code +}
 * @param contactName the sender's WhatsApp profile name, if given
 * @param type Meta's type: {@code text}, {@code image}, {@code document}, {@code button},
 * {@code interactive}, {@code audio}, ...
 * @param text the text, the caption of a photo, or the tapped button's text
 * @param mediaId Meta's media id of a photo or document, to fetch with
 * {@link WhatsAppMedia}
 * @param buttonPayload the payload of a tapped quick-reply button
 */
public record WhatsAppMessageReceived(String wamid, String businessNumberId, String from, @Nullable String contactName,
		String type, @Nullable String text, @Nullable String mediaId, @Nullable String mediaType,
		@Nullable String mediaFilename, @Nullable String buttonPayload, Instant sentAt) {
}
