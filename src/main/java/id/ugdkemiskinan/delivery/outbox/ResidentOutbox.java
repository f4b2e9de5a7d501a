package id.ugdkemiskinan.delivery.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.delivery.ResidentMessages;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries to residents' numbers, one row per message under its key: replies from the
 * intake inbox (WhatsApp, {@code mode} {@code TEXT} inside the service window or
 * {@code TEMPLATE}), and the updates a consenting resident gets about the case (on
 * WhatsApp when that channel is active, else as an SMS request through the webhook, else
 * not at all).
 */
@Component
class ResidentOutbox implements ResidentMessages {

	private static final String INSERT = """
			INSERT INTO delivery (delivery_key, kind, channel, recipient, recipient_label, event_id, case_id, ticket,
			                      params, status, next_attempt_at, created_at, updated_at)
			VALUES (:key, :kind, :channel, :phone, 'Warga', :eventId, :caseId,
			        (SELECT ticket FROM case_file WHERE id = :caseId), CAST(:params AS jsonb), 'PENDING', :now, :now, :now)
			ON CONFLICT (delivery_key) DO NOTHING
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Outbox outbox;

	ResidentOutbox(JdbcClient jdbc, JsonMapper json, Outbox outbox) {
		this.jdbc = jdbc;
		this.json = json;
		this.outbox = outbox;
	}

	@Override
	@Transactional
	public long reply(String key, String phone, String text, Instant lastIncomingAt, @Nullable Long caseId,
			Instant now) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("text", text);
		params.put("mode", ResidentMessages.insideServiceWindow(lastIncomingAt, now) ? "TEXT" : "TEMPLATE");
		insert(key, DeliveryKind.INBOX_REPLY, ChannelType.WHATSAPP, phone, null, caseId, params, now);
		return this.jdbc.sql("SELECT id FROM delivery WHERE delivery_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	/**
	 * The channel a resident's update goes on now: WhatsApp when active (configured, or
	 * the demo's Kotak keluar), else the webhook (an SMS request), else none.
	 */
	@Nullable ChannelType residentChannel() {
		Set<ChannelType> active = this.outbox.activeChannels();
		if (active.contains(ChannelType.WHATSAPP)) {
			return ChannelType.WHATSAPP;
		}
		return active.contains(ChannelType.WEBHOOK) ? ChannelType.WEBHOOK : null;
	}

	/**
	 * Writes one update to the resident's phone under {@code <key>:resident:<channel>};
	 * answers whether it wrote a row (none when no channel reaches residents, or when
	 * written before).
	 */
	@Transactional
	public boolean update(String key, DeliveryKind kind, String phone, @Nullable Long eventId, long caseId,
			Map<String, Object> params, Instant now) {
		if (!kind.residentUpdate()) {
			throw new IllegalArgumentException(kind + " is not an update to a resident");
		}
		ChannelType channel = residentChannel();
		if (channel == null) {
			return false;
		}
		return insert(key + ":resident:" + channel.name(), kind, channel, phone, eventId, caseId, params, now) > 0;
	}

	private int insert(String key, DeliveryKind kind, ChannelType channel, String phone, @Nullable Long eventId,
			@Nullable Long caseId, Map<String, Object> params, Instant now) {
		return this.jdbc.sql(INSERT)
			.param("key", key)
			.param("kind", kind.name())
			.param("channel", channel.name())
			.param("phone", phone)
			.param("eventId", eventId)
			.param("caseId", caseId)
			.param("params", this.json.writeValueAsString(params))
			.param("now", Timestamp.from(now))
			.update();
	}

}
