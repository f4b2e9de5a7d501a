package id.ugdkemiskinan.delivery.channel;

import java.util.Map;

import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import org.jspecify.annotations.Nullable;

/**
 * One delivery as a sender hands it to its channel.
 *
 * @param id the delivery's id
 * @param deliveryKey its unique key (the webhook's {@code X-UGD-Delivery})
 * @param kind what it is about
 * @param channel the channel
 * @param recipient an email address, an E.164 number, or the webhook's URL
 * @param recipientLabel the person's name or the duty contact's dinas
 * @param params the message's parameters: for a case {@code ticket}, {@code kecamatan},
 * {@code category}, {@code priority}, {@code dinas}, {@code dueAt} (as text in the zone),
 * {@code dueAtIso}, {@code link}; for the digest see {@code DigestMaker}
 */
public record OutgoingMessage(long id, String deliveryKey, DeliveryKind kind, ChannelType channel, String recipient,
		@Nullable String recipientLabel, Map<String, Object> params) {

	public OutgoingMessage {
		params = Map.copyOf(params);
	}

	public String param(String name) {
		Object value = this.params.get(name);
		return (value != null) ? value.toString() : "";
	}

}
