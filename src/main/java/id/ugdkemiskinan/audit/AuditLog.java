package id.ugdkemiskinan.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads "Riwayat perubahan": newest first, filtered by entity type and key text. */
@Component
@Transactional(readOnly = true)
class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The entity types that have lines, for the filter. */
	List<String> entityTypes() {
		return this.jdbc.sql("SELECT DISTINCT entity_type FROM change_audit ORDER BY entity_type")
			.query(String.class)
			.list();
	}

	Page page(@Nullable String entityType, @Nullable String keyText, Paging paging) {
		String where = " WHERE (CAST(:type AS varchar) IS NULL OR entity_type = CAST(:type AS varchar))"
				+ " AND (CAST(:key AS varchar) IS NULL OR entity_key ILIKE CAST(:key AS varchar) ESCAPE '\\')";
		String pattern = keyText == null ? null
				: "%" + keyText.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		List<Row> rows = this.jdbc
			.sql("SELECT id, occurred_at, actor_name, entity_type, entity_key, action, CAST(before AS text) AS before,"
					+ " CAST(after AS text) AS after FROM change_audit" + where
					+ " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.param("type", entityType)
			.param("key", pattern)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor_name"), rs.getString("entity_type"), rs.getString("entity_key"),
					rs.getString("action"), changes(rs.getString("before"), rs.getString("after"))))
			.list();
		long counted = this.jdbc
			.sql("SELECT count(*) FROM (SELECT 1 FROM change_audit" + where + " LIMIT " + (Pager.COUNT_CAP + 1) + ") c")
			.param("type", entityType)
			.param("key", pattern)
			.query(Long.class)
			.single();
		return new Page(rows, counted);
	}

	/**
	 * The fields that differ between before and after (every field of a creation or
	 * deletion).
	 */
	List<Change> changes(@Nullable String before, @Nullable String after) {
		Map<String, Object> old = fields(before);
		Map<String, Object> now = fields(after);
		Set<String> names = new LinkedHashSet<>(old.keySet());
		names.addAll(now.keySet());
		List<Change> changes = new ArrayList<>();
		for (String name : names) {
			Object was = old.get(name);
			Object is = now.get(name);
			if (before == null || after == null || !Objects.equals(was, is)) {
				changes.add(new Change(name, text(was), text(is)));
			}
		}
		return changes;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> fields(@Nullable String json) {
		if (json == null) {
			return Map.of();
		}
		Object value = this.json.readValue(json, Object.class);
		if (value instanceof Map<?, ?> map) {
			return new LinkedHashMap<>((Map<String, Object>) map);
		}
		return Map.of("value", value);
	}

	private @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof String s) {
			return s;
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		return this.json.writeValueAsString(value);
	}

	record Page(List<Row> rows, long counted) {
	}

	record Row(long id, Instant at, String actor, String entityType, String entityKey, String action,
			List<Change> changes) {
	}

	/** One field: its value before and after ({@code null}: none). */
	record Change(String field, @Nullable String before, @Nullable String after) {
	}

}
