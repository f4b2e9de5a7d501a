package id.ugdkemiskinan.delivery.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The admin's views of the outbox: the delivery log and the Kotak keluar. */
@Component
class DeliveryLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	DeliveryLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What the log is narrowed to; {@code null} is "all". */
	record Filter(@Nullable ChannelType channel, @Nullable DeliveryStatus status, @Nullable DeliveryKind kind,
			@Nullable Instant from, @Nullable Instant until) {
	}

	/** One delivery as the log and the Kotak keluar show it. */
	record Row(long id, String kind, String channel, String recipient, @Nullable String recipientLabel,
			@Nullable String ticket, String status, int attempts, Instant nextAttemptAt, @Nullable String lastError,
			boolean outbox, @Nullable String subject, @Nullable String body, Instant createdAt,
			@Nullable Instant sentAt) {

		public boolean failed() {
			return DeliveryStatus.FAILED.name().equals(this.status);
		}

		/** The message key of the kind's name. */
		public String kindKey() {
			return DeliveryKind.labelKey(this.kind);
		}

		/** Whether a next attempt is still to come. */
		public boolean waiting() {
			return DeliveryStatus.PENDING.name().equals(this.status)
					|| DeliveryStatus.SENDING.name().equals(this.status);
		}

	}

	/** One page of rows and the count (up to {@link Pager#COUNT_CAP} + 1). */
	record Page(List<Row> rows, long counted) {
	}

	@Transactional(readOnly = true)
	Page log(Filter filter, Paging paging) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.channel() != null) {
			where.add("channel = :channel");
			params.put("channel", filter.channel().name());
		}
		if (filter.status() != null) {
			where.add("status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.kind() != null) {
			where.add("kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.from() != null) {
			where.add("created_at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.until() != null) {
			where.add("created_at < :until");
			params.put("until", Timestamp.from(filter.until()));
		}
		return page(where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where), params, paging);
	}

	@Transactional(readOnly = true)
	Page outbox(Paging paging) {
		return page("WHERE outbox", Map.of(), paging);
	}

	private Page page(String where, Map<String, Object> params, Paging paging) {
		List<Row> rows = this.jdbc.sql("""
				SELECT id, kind, channel, recipient, recipient_label, ticket, status, attempts, next_attempt_at,
				       last_error, outbox, subject, body, created_at, sent_at
				FROM delivery %s
				ORDER BY created_at DESC, id DESC
				LIMIT :limit OFFSET :offset
				""".formatted(where))
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(DeliveryLog::row)
			.list();
		long counted = this.jdbc
			.sql("SELECT count(*) FROM (SELECT 1 FROM delivery %s LIMIT :cap) AS c".formatted(where))
			.params(params)
			.param("cap", Pager.COUNT_CAP + 1)
			.query(Long.class)
			.single();
		return new Page(rows, counted);
	}

	/** What a retry found. */
	enum Retry {

		/** The failed delivery is due again. */
		DONE,
		/** It exists but has not failed (sent meanwhile, or retried already). */
		NOT_FAILED,
		/** There is no such delivery. */
		UNKNOWN

	}

	/** Makes a failed delivery due again, from its first attempt. */
	@Transactional
	Retry retry(long id) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int updated = this.jdbc.sql("""
				UPDATE delivery SET status = 'PENDING', attempts = 0, lease_until = NULL, next_attempt_at = :now,
				                    updated_at = :now
				WHERE id = :id AND status = 'FAILED'
				""").param("now", now).param("id", id).update();
		if (updated > 0) {
			return Retry.DONE;
		}
		Optional<Long> exists = this.jdbc.sql("SELECT id FROM delivery WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.optional();
		return exists.isPresent() ? Retry.NOT_FAILED : Retry.UNKNOWN;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Timestamp sent = rs.getTimestamp("sent_at");
		return new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("channel"), rs.getString("recipient"),
				rs.getString("recipient_label"), rs.getString("ticket"), rs.getString("status"), rs.getInt("attempts"),
				rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"), rs.getBoolean("outbox"),
				rs.getString("subject"), rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
				(sent != null) ? sent.toInstant() : null);
	}

}
