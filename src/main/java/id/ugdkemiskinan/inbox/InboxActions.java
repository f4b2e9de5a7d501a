package id.ugdkemiskinan.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import id.ugdkemiskinan.cases.CaseLinks;
import id.ugdkemiskinan.delivery.ResidentMessages;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with a conversation: link it to a case, close it as no poverty complaint,
 * forward it to a kecamatan's UPT (the secretariat), reply to the resident. Each change
 * of state names the version the page showed: a conversation changed meanwhile is not
 * changed again ({@link Outcome#CHANGED}).
 */
@Service
public class InboxActions {

	public enum Outcome {

		DONE,
		/** Someone else changed it since the page was shown, or it is no longer open. */
		CHANGED,
		/** No case with that ticket the user may see. */
		UNKNOWN_CASE,
		/** Not a kecamatan of the kabupaten. */
		UNKNOWN_KECAMATAN

	}

	private final JdbcClient jdbc;

	private final InboxQueries queries;

	private final CaseLinks links;

	private final ResidentMessages messages;

	private final Regions regions;

	private final Clock clock;

	InboxActions(JdbcClient jdbc, InboxQueries queries, CaseLinks links, ResidentMessages messages, Regions regions,
			Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.links = links;
		this.messages = messages;
		this.regions = regions;
		this.clock = clock;
	}

	@Transactional
	public Outcome link(InboxQueries.Conversation conversation, long version, String ticket, CurrentUser user) {
		Optional<Long> caseId = this.links.caseInScope(ticket, user);
		if (caseId.isEmpty()) {
			return Outcome.UNKNOWN_CASE;
		}
		Instant now = this.clock.instant();
		int changed = this.jdbc.sql("""
				UPDATE wa_conversation SET status = 'LINKED', case_id = :case, handled_by = :user, handled_at = :now,
				       version = version + 1
				WHERE id = :id AND version = :version AND status = 'OPEN'
				""")
			.params(Map.of("case", caseId.get(), "user", user.id(), "now", Timestamp.from(now), "id", conversation.id(),
					"version", version))
			.update();
		if (changed == 0) {
			return Outcome.CHANGED;
		}
		this.links.whatsAppLinked(caseId.get(), user, InboxQueries.mask(conversation.phone()), now);
		return Outcome.DONE;
	}

	@Transactional
	public Outcome close(InboxQueries.Conversation conversation, long version, String reason, CurrentUser user) {
		int changed = this.jdbc.sql("""
				UPDATE wa_conversation SET status = 'CLOSED', closed_reason = :reason, handled_by = :user,
				       handled_at = :now, version = version + 1
				WHERE id = :id AND version = :version AND status = 'OPEN'
				""")
			.params(Map.of("reason", reason, "user", user.id(), "now", Timestamp.from(this.clock.instant()), "id",
					conversation.id(), "version", version))
			.update();
		return (changed == 0) ? Outcome.CHANGED : Outcome.DONE;
	}

	/** Only the secretariat forwards (the controller's rule; checked here again). */
	@Transactional
	public Outcome forward(InboxQueries.Conversation conversation, long version, String kecamatanCode,
			CurrentUser user) {
		if (user.role() != Role.SEKRETARIAT) {
			return Outcome.CHANGED;
		}
		if (this.regions.kecamatan(kecamatanCode).isEmpty()) {
			return Outcome.UNKNOWN_KECAMATAN;
		}
		int changed = this.jdbc.sql("""
				UPDATE wa_conversation SET kecamatan_code = :kecamatan, version = version + 1
				WHERE id = :id AND version = :version AND status = 'OPEN'
				""").params(Map.of("kecamatan", kecamatanCode, "id", conversation.id(), "version", version)).update();
		return (changed == 0) ? Outcome.CHANGED : Outcome.DONE;
	}

	/**
	 * A reply to the resident: a message of the conversation and its delivery (free text
	 * inside the 24-hour window, else the template), in one transaction.
	 */
	@Transactional
	public long reply(InboxQueries.Conversation conversation, String text, CurrentUser user) {
		Instant now = this.clock.instant();
		long messageId = this.jdbc.sql("""
				INSERT INTO wa_message (conversation_id, direction, type, body, sent_by, occurred_at)
				VALUES (:id, 'OUT', 'text', :body, :user, :now)
				RETURNING id
				""")
			.params(Map.of("id", conversation.id(), "body", text, "user", user.id(), "now", Timestamp.from(now)))
			.query(Long.class)
			.single();
		long delivery = this.messages.reply("wa-reply:" + messageId, conversation.phone(), text,
				conversation.lastIncomingAt(), conversation.caseId(), now);
		this.jdbc.sql("UPDATE wa_message SET delivery_id = :delivery WHERE id = :id")
			.param("delivery", delivery)
			.param("id", messageId)
			.update();
		this.jdbc.sql("UPDATE wa_conversation SET last_message_at = greatest(last_message_at, :now) WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", conversation.id())
			.update();
		return messageId;
	}

}
