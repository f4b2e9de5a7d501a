package id.ugdkemiskinan.delivery.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.delivery.ResidentMessages;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries to residents' numbers: one WhatsApp row per reply under its key, with
 * {@code mode} {@code TEXT} (inside the service window) or {@code TEMPLATE}.
 */
@Component
class ResidentOutbox implements ResidentMessages {

	private static final String INSERT = """
			INSERT INTO delivery (delivery_key, kind, channel, recipient, recipient_label, case_id, ticket, params,
			                      status, next_attempt_at, created_at, updated_at)
			VALUES (:key, :kind, 'WHATSAPP', :phone, 'Warga', :caseId,
			        (SELECT ticket FROM case_file WHERE id = :caseId), CAST(:params AS jsonb), 'PENDING', :now, :now, :now)
			ON CONFLICT (delivery_key) DO NOTHING
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ResidentOutbox(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	@Transactional
	public long reply(String key, String phone, String text, Instant lastIncomingAt, @Nullable Long caseId,
			Instant now) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("text", text);
		params.put("mode", ResidentMessages.insideServiceWindow(lastIncomingAt, now) ? "TEXT" : "TEMPLATE");
		this.jdbc.sql(INSERT)
			.param("key", key)
			.param("kind", DeliveryKind.INBOX_REPLY.name())
			.param("phone", phone)
			.param("caseId", caseId)
			.param("params", this.json.writeValueAsString(params))
			.param("now", Timestamp.from(now))
			.update();
		return this.jdbc.sql("SELECT id FROM delivery WHERE delivery_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

}
