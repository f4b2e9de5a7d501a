package id.ugdkemiskinan.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.ugdkemiskinan.cases.FilingSource;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A case filed from an open conversation of the operator's kecamatan: the resident's
 * number, their messages' text (at most 4,000 characters) and the photos and PDFs that
 * arrived (READY). Filing it makes the conversation FILED with the case, in the filing's
 * transaction.
 */
@Component
class ConversationFilingSource implements FilingSource {

	static final int MAX_DESCRIPTION = 4000;

	/** The types whose body is the resident's words (others hold a placeholder). */
	private static final java.util.Set<String> WORDS = java.util.Set.of("text", "image", "document", "button",
			"interactive");

	private final JdbcClient jdbc;

	private final InboxQueries queries;

	private final Clock clock;

	ConversationFilingSource(JdbcClient jdbc, InboxQueries queries, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.clock = clock;
	}

	@Override
	public Optional<Draft> draft(long sourceId, CurrentUser user) {
		if (user.role() != Role.OPERATOR_UPT) {
			return Optional.empty();
		}
		return this.queries.conversation(sourceId, user).filter(InboxQueries.Conversation::open).map((conversation) -> {
			List<InboxQueries.Message> messages = this.queries.messages(sourceId);
			StringBuilder text = new StringBuilder();
			List<FileOffer> files = new ArrayList<>();
			for (InboxQueries.Message message : messages) {
				if (!message.incoming()) {
					continue;
				}
				if (message.body() != null && WORDS.contains(message.type())) {
					if (text.length() > 0) {
						text.append('\n');
					}
					text.append(message.body());
				}
				if ("READY".equals(message.mediaStatus())) {
					files.add(new FileOffer(Long.toString(message.id()),
							filename(message.id(), message.mediaFilename(), message.mediaType()), message.mediaType(),
							(message.mediaSize() == null) ? 0 : message.mediaSize()));
				}
			}
			String description = (text.length() <= MAX_DESCRIPTION) ? text.toString()
					: text.substring(0, MAX_DESCRIPTION);
			return new Draft(sourceId, conversation.phone(), description, "WHATSAPP", files);
		});
	}

	@Override
	public List<SourceFile> attachments(long sourceId, Collection<String> keys, CurrentUser user) {
		List<Long> ids = keys.stream().filter((key) -> key.matches("[0-9]{1,18}")).map(Long::parseLong).toList();
		if (ids.isEmpty() || draft(sourceId, user).isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id, media_filename, media_type, media_content FROM wa_message
				WHERE conversation_id = :id AND id IN (:ids) AND direction = 'IN' AND media_status = 'READY'
				ORDER BY id
				""")
			.param("id", sourceId)
			.param("ids", ids)
			.query((rs, n) -> new SourceFile(Long.toString(rs.getLong("id")),
					filename(rs.getLong("id"), rs.getString("media_filename"), rs.getString("media_type")),
					rs.getBytes("media_content")))
			.list();
	}

	@Override
	public void filed(long sourceId, long caseId, CurrentUser user) {
		Map<String, Object> params = InboxQueries.scopeParams(InboxScope.of(user));
		params.put("case", caseId);
		params.put("user", user.id());
		params.put("now", Timestamp.from(this.clock.instant()));
		params.put("id", sourceId);
		int changed = this.jdbc.sql("""
				UPDATE wa_conversation v SET status = 'FILED', case_id = :case, handled_by = :user, handled_at = :now,
				       version = version + 1
				WHERE v.id = :id AND v.status = 'OPEN' AND v.kecamatan_code IS NOT NULL AND\s""" + InboxScope.SQL)
			.params(params)
			.update();
		if (changed == 0) {
			throw new StaleSourceException("conversation " + sourceId + " is no longer open for " + user.username());
		}
	}

	private static String filename(long id, String filename, String type) {
		if (filename != null && !filename.isBlank()) {
			return filename;
		}
		String extension = "application/pdf".equals(type) ? "pdf" : "image/png".equals(type) ? "png" : "jpg";
		return "whatsapp-" + id + "." + extension;
	}

}
