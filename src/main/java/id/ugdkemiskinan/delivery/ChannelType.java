package id.ugdkemiskinan.delivery;

/** The ways a message leaves the app. */
public enum ChannelType {

	/** SMTP, plain text and HTML. */
	EMAIL,
	/** A template message through the WhatsApp Business Cloud API. */
	WHATSAPP,
	/** A signed JSON POST to the configured receiver (an SMS gateway, another system). */
	WEBHOOK

}
