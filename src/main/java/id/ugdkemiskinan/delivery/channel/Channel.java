package id.ugdkemiskinan.delivery.channel;

import id.ugdkemiskinan.delivery.ChannelType;

/**
 * One way out. A channel that is not configured is off (in demo mode its deliveries go to
 * the Kotak keluar instead). {@link #send} never throws for a failed send: it answers
 * what happened, and the sender decides on retries.
 */
public interface Channel {

	ChannelType type();

	boolean configured();

	/** For the admin's page: where it sends (host, URL, sender), never a secret. */
	String describe();

	SendResult send(OutgoingMessage message);

}
