package id.ugdkemiskinan.common;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one line of "Riwayat perubahan" ({@code change_audit}) in the caller's
 * transaction: who changed which rule of the kabupaten, when, and its state before and
 * after (as JSON of the records given; {@code null} before a creation).
 */
@Component
public class ChangeAudit {

	/** What was done. */
	public enum Action {

		CREATED, UPDATED, DEACTIVATED, ACTIVATED, DELETED

	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ChangeAudit(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @param actorId the admin's account (null for a migration or the system)
	 * @param entityType e.g. {@code DINAS}, {@code CATEGORY}, {@code ROUTING_RULE},
	 * {@code SLA_POLICY}
	 * @param entityKey the entity's code or id
	 */
	public void record(@Nullable Long actorId, String actorName, String entityType, String entityKey, Action action,
			@Nullable Object before, @Nullable Object after, Instant at) {
		this.jdbc
			.sql("""
					INSERT INTO change_audit (occurred_at, actor_id, actor_name, entity_type, entity_key, action, before, after)
					VALUES (:at, :actor, :name, :type, :key, :action, CAST(:before AS jsonb), CAST(:after AS jsonb))""")
			.param("at", Timestamp.from(at))
			.param("actor", actorId)
			.param("name", actorName)
			.param("type", entityType)
			.param("key", entityKey)
			.param("action", action.name())
			.param("before", before == null ? null : this.json.writeValueAsString(before))
			.param("after", after == null ? null : this.json.writeValueAsString(after))
			.update();
	}

}
