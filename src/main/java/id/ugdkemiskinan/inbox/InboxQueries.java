package id.ugdkemiskinan.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The inbox's read side, always within the user's {@link InboxScope}. */
@Component
public class InboxQueries {

	/** A conversation's state, as the filter and the badges name it. */
	public enum Status {

		OPEN, FILED, LINKED, CLOSED

	}

	/**
	 * Which conversations the secretariat lists: its own inbox, or every kecamatan's too.
	 */
	public enum Box {

		SEKRETARIAT, SEMUA

	}

	public record Row(long id, String phone, @Nullable String contactName, @Nullable String kecamatanName,
			String status, Instant lastMessageAt, @Nullable String preview, @Nullable String previewType,
			@Nullable String ticket, long newAfterCase) {

		/** The phone with its middle hidden, for lists: {@code +62812•••7890}. */
		public String maskedPhone() {
			return InboxQueries.mask(this.phone);
		}

	}

	public record Page(List<Row> rows, long counted) {
	}

	public record Conversation(long id, String phone, @Nullable String contactName, String businessNumber,
			@Nullable String kecamatanCode, @Nullable String kecamatanName, String status, @Nullable Long caseId,
			@Nullable String ticket, @Nullable String closedReason, @Nullable String handledByName,
			@Nullable Instant handledAt, Instant openedAt, Instant lastMessageAt, Instant lastIncomingAt,
			long version) {

		public boolean open() {
			return "OPEN".equals(this.status);
		}

	}

	public record Message(long id, String direction, String type, @Nullable String body, @Nullable String mediaStatus,
			@Nullable String mediaType, @Nullable String mediaFilename, @Nullable Integer mediaSize,
			@Nullable String sentByName, @Nullable String deliveryStatus, Instant occurredAt) {

		public boolean incoming() {
			return "IN".equals(this.direction);
		}

		public boolean image() {
			return "READY".equals(this.mediaStatus)
					&& ("image/jpeg".equals(this.mediaType) || "image/png".equals(this.mediaType));
		}

		public boolean document() {
			return "READY".equals(this.mediaStatus) && !image();
		}

	}

	public record MediaContent(String contentType, @Nullable String filename, byte[] content) {
	}

	private final JdbcClient jdbc;

	InboxQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The open conversations in the user's own inbox (the nav's badge), or null. */
	public @Nullable Long openCount(CurrentUser user) {
		if (user.role() == Role.SEKRETARIAT) {
			return this.jdbc
				.sql("SELECT count(*) FROM wa_conversation WHERE status = 'OPEN' AND kecamatan_code IS NULL")
				.query(Long.class)
				.single();
		}
		if (user.role() == Role.OPERATOR_UPT && user.kecamatanCode() != null) {
			return this.jdbc.sql("SELECT count(*) FROM wa_conversation WHERE status = 'OPEN' AND kecamatan_code = :k")
				.param("k", user.kecamatanCode())
				.query(Long.class)
				.single();
		}
		return null;
	}

	public Page list(CurrentUser user, Box box, @Nullable Status status, int offset, int size) {
		InboxScope scope = InboxScope.of(user);
		Map<String, Object> params = scopeParams(scope);
		StringBuilder where = new StringBuilder(InboxScope.SQL);
		if (scope.all() && box == Box.SEKRETARIAT) {
			where.append(" AND v.kecamatan_code IS NULL");
		}
		if (status != null) {
			where.append(" AND v.status = :status");
			params.put("status", status.name());
		}
		params.put("offset", offset);
		params.put("size", size);
		params.put("cap", Pager.COUNT_CAP + 1);
		List<Row> rows = this.jdbc.sql("""
				SELECT v.id, v.phone, v.contact_name, k.name AS kecamatan_name, v.status, v.last_message_at,
				       m.body AS preview, m.type AS preview_type, c.ticket,
				       (SELECT count(*) FROM wa_message n WHERE n.conversation_id = v.id AND n.direction = 'IN'
				               AND v.handled_at IS NOT NULL AND n.occurred_at > v.handled_at) AS new_after
				FROM wa_conversation v
				LEFT JOIN kecamatan k ON k.code = v.kecamatan_code
				LEFT JOIN case_file c ON c.id = v.case_id
				LEFT JOIN LATERAL (SELECT body, type FROM wa_message x WHERE x.conversation_id = v.id
				                   ORDER BY x.occurred_at DESC, x.id DESC LIMIT 1) m ON TRUE
				WHERE\s""" + where + """
				 ORDER BY v.last_message_at DESC, v.id DESC OFFSET :offset LIMIT :size
				""")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("phone"), rs.getString("contact_name"),
					rs.getString("kecamatan_name"), rs.getString("status"), instant(rs, "last_message_at"),
					preview(rs.getString("preview")), rs.getString("preview_type"), rs.getString("ticket"),
					rs.getLong("new_after")))
			.list();
		long counted = this.jdbc
			.sql("SELECT count(*) FROM (SELECT 1 FROM wa_conversation v WHERE " + where + " LIMIT :cap) x")
			.params(params)
			.query(Long.class)
			.single();
		return new Page(rows, counted);
	}

	public Optional<Conversation> conversation(long id, CurrentUser user) {
		Map<String, Object> params = scopeParams(InboxScope.of(user));
		params.put("id", id);
		return this.jdbc.sql("""
				SELECT v.*, k.name AS kecamatan_name, c.ticket, u.full_name AS handled_by_name
				FROM wa_conversation v
				LEFT JOIN kecamatan k ON k.code = v.kecamatan_code
				LEFT JOIN case_file c ON c.id = v.case_id
				LEFT JOIN app_user u ON u.id = v.handled_by
				WHERE v.id = :id AND\s""" + InboxScope.SQL)
			.params(params)
			.query((rs, n) -> new Conversation(rs.getLong("id"), rs.getString("phone"), rs.getString("contact_name"),
					rs.getString("business_number"), rs.getString("kecamatan_code"), rs.getString("kecamatan_name"),
					rs.getString("status"), (Long) rs.getObject("case_id", Long.class), rs.getString("ticket"),
					rs.getString("closed_reason"), rs.getString("handled_by_name"), nullableInstant(rs, "handled_at"),
					instant(rs, "opened_at"), instant(rs, "last_message_at"), instant(rs, "last_incoming_at"),
					rs.getLong("version")))
			.optional();
	}

	/** The conversation's messages in order (call after {@link #conversation}). */
	public List<Message> messages(long conversationId) {
		return this.jdbc.sql("""
				SELECT m.id, m.direction, m.type, m.body, m.media_status, m.media_type, m.media_filename, m.media_size,
				       u.full_name AS sent_by_name, d.status AS delivery_status, m.occurred_at
				FROM wa_message m
				LEFT JOIN app_user u ON u.id = m.sent_by
				LEFT JOIN delivery d ON d.id = m.delivery_id
				WHERE m.conversation_id = :id
				ORDER BY m.occurred_at, m.id
				""")
			.param("id", conversationId)
			.query((rs, n) -> new Message(rs.getLong("id"), rs.getString("direction"), rs.getString("type"),
					rs.getString("body"), rs.getString("media_status"), rs.getString("media_type"),
					rs.getString("media_filename"), (Integer) rs.getObject("media_size", Integer.class),
					rs.getString("sent_by_name"), rs.getString("delivery_status"), instant(rs, "occurred_at")))
			.list();
	}

	/** A stored photo or document of a conversation in scope. */
	public Optional<MediaContent> media(long conversationId, long messageId, CurrentUser user) {
		Map<String, Object> params = scopeParams(InboxScope.of(user));
		params.put("id", conversationId);
		params.put("message", messageId);
		return this.jdbc.sql("""
				SELECT m.media_type, m.media_filename, m.media_content
				FROM wa_message m JOIN wa_conversation v ON v.id = m.conversation_id
				WHERE m.id = :message AND v.id = :id AND m.media_status = 'READY' AND\s""" + InboxScope.SQL)
			.params(params)
			.query((rs, n) -> new MediaContent(rs.getString("media_type"), rs.getString("media_filename"),
					rs.getBytes("media_content")))
			.optional();
	}

	static Map<String, Object> scopeParams(InboxScope scope) {
		Map<String, Object> params = new HashMap<>();
		params.put("scopeAll", scope.all());
		params.put("scopeKecamatan", scope.kecamatanParam());
		return params;
	}

	static String mask(String phone) {
		if (phone.length() < 9) {
			return phone;
		}
		return phone.substring(0, 6) + "•••" + phone.substring(phone.length() - 4);
	}

	private static @Nullable String preview(@Nullable String body) {
		if (body == null) {
			return null;
		}
		String line = body.replaceAll("\\s+", " ").strip();
		return (line.length() <= 90) ? line : line.substring(0, 89) + "…";
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value == null) ? null : value.toInstant();
	}

}
