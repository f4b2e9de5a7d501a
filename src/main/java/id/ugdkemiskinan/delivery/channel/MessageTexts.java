package id.ugdkemiskinan.delivery.channel;

import org.springframework.stereotype.Component;

/**
 * The words of every message, from {@code messages*.properties} in Bahasa Indonesia: a
 * subject and a plain text per kind, filled from the message's parameters. Email, the
 * Kotak keluar and the delivery log show these.
 */
@Component
public class MessageTexts {

	/** A message as a person reads it. */
	public record Preview(String subject, String text) {
	}

	public Preview preview(OutgoingMessage message) {
		// Placeholder until the texts per kind land.
		return new Preview(message.kind().name() + " " + message.param("ticket"), message.params().toString());
	}

}
