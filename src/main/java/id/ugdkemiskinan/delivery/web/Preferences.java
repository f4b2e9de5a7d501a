package id.ugdkemiskinan.delivery.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.users.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's choices per kind and channel ({@code delivery_preference}), and their
 * contacts as the admin set them.
 */
@Component
class Preferences {

	/** The channels a person chooses (the webhook is the admin's). */
	static final List<ChannelType> PERSONAL = List.of(ChannelType.EMAIL, ChannelType.WHATSAPP);

	private final JdbcClient jdbc;

	Preferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One line of the page: a kind with the current choice per channel.
	 */
	record Choice(DeliveryKind kind, Map<ChannelType, Boolean> enabled) {

		public boolean on(ChannelType channel) {
			return Boolean.TRUE.equals(this.enabled.get(channel));
		}

	}

	/** The account's contacts. */
	record Contacts(@Nullable String email, @Nullable String phone) {
	}

	@Transactional(readOnly = true)
	List<Choice> choices(long userId, Role role) {
		Map<String, Boolean> stored = new java.util.HashMap<>();
		this.jdbc.sql("SELECT kind, channel, enabled FROM delivery_preference WHERE user_id = :user")
			.param("user", userId)
			.query((rs, n) -> stored.put(rs.getString("kind") + ":" + rs.getString("channel"),
					rs.getBoolean("enabled")))
			.list();
		List<Choice> choices = new ArrayList<>();
		for (DeliveryKind kind : DeliveryKind.forRole(role)) {
			Map<ChannelType, Boolean> enabled = new EnumMap<>(ChannelType.class);
			for (ChannelType channel : PERSONAL) {
				Boolean value = stored.get(kind.name() + ":" + channel.name());
				enabled.put(channel, value != null ? value : kind.byDefault(channel));
			}
			choices.add(new Choice(kind, enabled));
		}
		return choices;
	}

	/**
	 * Stores a choice for every kind of the role and every personal channel: on when it
	 * is among {@code on}, else off.
	 */
	@Transactional
	void save(long userId, Role role, Set<String> on) {
		for (DeliveryKind kind : DeliveryKind.forRole(role)) {
			for (ChannelType channel : PERSONAL) {
				this.jdbc.sql("""
						INSERT INTO delivery_preference (user_id, kind, channel, enabled)
						VALUES (:user, :kind, :channel, :enabled)
						ON CONFLICT (user_id, kind, channel) DO UPDATE SET enabled = excluded.enabled
						""")
					.param("user", userId)
					.param("kind", kind.name())
					.param("channel", channel.name())
					.param("enabled", on.contains(key(kind, channel)))
					.update();
			}
		}
	}

	@Transactional(readOnly = true)
	Contacts contacts(long userId) {
		return this.jdbc.sql("SELECT email, phone FROM app_user WHERE id = :user")
			.param("user", userId)
			.query((rs, n) -> new Contacts(rs.getString("email"), rs.getString("phone")))
			.optional()
			.orElse(new Contacts(null, null));
	}

	/** The value of a checkbox: {@code KIND:CHANNEL}. */
	static String key(DeliveryKind kind, ChannelType channel) {
		return kind.name() + ":" + channel.name();
	}

}
