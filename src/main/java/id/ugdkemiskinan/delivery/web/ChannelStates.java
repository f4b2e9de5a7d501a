package id.ugdkemiskinan.delivery.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import id.ugdkemiskinan.common.DemoMode;
import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.channel.Channel;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which channels are on, as the pages show it: a channel is on when its bean is
 * configured; off otherwise, and then in demo mode its messages go to the Kotak keluar.
 */
@Component
class ChannelStates {

	private final ObjectProvider<Channel> channels;

	private final DemoMode demo;

	ChannelStates(ObjectProvider<Channel> channels, DemoMode demo) {
		this.channels = channels;
		this.demo = demo;
	}

	/**
	 * One channel's state.
	 *
	 * @param configured whether its bean is there and configured
	 * @param description where it sends (from {@link Channel#describe()}), when on
	 * @param toOutbox off, but in demo mode: its messages go to the Kotak keluar
	 * @param variables the environment variables that turn it on
	 */
	record ChannelState(ChannelType type, boolean configured, @Nullable String description, boolean toOutbox,
			List<String> variables) {

		/** Whether messages are written for it at all. */
		public boolean active() {
			return this.configured || this.toOutbox;
		}

	}

	List<ChannelState> all() {
		return Arrays.stream(ChannelType.values()).map(this::state).toList();
	}

	ChannelState state(ChannelType type) {
		Optional<Channel> channel = this.channels.orderedStream()
			.filter(c -> c.type() == type && c.configured())
			.findFirst();
		return new ChannelState(type, channel.isPresent(), channel.map(Channel::describe).orElse(null),
				channel.isEmpty() && this.demo.enabled(), variables(type));
	}

	boolean demoMode() {
		return this.demo.enabled();
	}

	static List<String> variables(ChannelType type) {
		return switch (type) {
			case EMAIL -> List.of("SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "SPRING_MAIL_USERNAME",
					"SPRING_MAIL_PASSWORD", "UGD_MAIL_FROM");
			case WHATSAPP -> List.of("UGD_WHATSAPP_API_URL", "UGD_WHATSAPP_PHONE_NUMBER_ID", "UGD_WHATSAPP_TOKEN",
					"UGD_WHATSAPP_APP_SECRET", "UGD_WHATSAPP_VERIFY_TOKEN");
			case WEBHOOK -> List.of("UGD_WEBHOOK_URL", "UGD_WEBHOOK_SECRET");
		};
	}

}
