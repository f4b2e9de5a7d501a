package id.ugdkemiskinan.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * A person's notifications as the bell and its page read them, from the notification
 * table alone (each row keeps its own ticket, dinas and instant): newest first, the
 * unread count, marking read.
 */
@Component
class Inbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	Inbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One notification as listed. */
	record NotificationRow(long id, String kind, String ticket, String dinasCode, Instant occurredAt, Instant createdAt,
			boolean read) {
	}

	/**
	 * One page of the notifications, and how many there are (counted up to
	 * {@link Pager#COUNT_CAP} + 1).
	 */
	record InboxPage(List<NotificationRow> rows, long counted) {
	}

	InboxPage page(long userId, Paging paging) {
		List<NotificationRow> rows = this.jdbc.sql("""
				SELECT id, kind, ticket, dinas_code, occurred_at, created_at, read_at IS NOT NULL AS read
				FROM notification WHERE user_id = :user ORDER BY id DESC LIMIT :limit OFFSET :offset""")
			.param("user", userId)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new NotificationRow(rs.getLong("id"), rs.getString("kind"), rs.getString("ticket"),
					rs.getString("dinas_code"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("read")))
			.list();
		long counted = this.jdbc
			.sql("SELECT count(*) FROM (SELECT 1 FROM notification WHERE user_id = :user LIMIT :cap) n")
			.param("user", userId)
			.param("cap", Pager.COUNT_CAP + 1)
			.query(Long.class)
			.single();
		return new InboxPage(rows, counted);
	}

	/** The bell's number (an index-only count). */
	long unread(long userId) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND read_at IS NULL")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	/**
	 * Marks one of the person's own notifications read; someone else's id changes
	 * nothing.
	 */
	void markRead(long userId, long id) {
		this.jdbc.sql("UPDATE notification SET read_at = :now WHERE id = :id AND user_id = :user AND read_at IS NULL")
			.param("now", utc(this.clock.instant()))
			.param("id", id)
			.param("user", userId)
			.update();
	}

	void markAllRead(long userId) {
		this.jdbc.sql("UPDATE notification SET read_at = :now WHERE user_id = :user AND read_at IS NULL")
			.param("now", utc(this.clock.instant()))
			.param("user", userId)
			.update();
	}

}
