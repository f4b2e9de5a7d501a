package id.ugdkemiskinan.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import id.ugdkemiskinan.cases.ResidentFeedback;
import id.ugdkemiskinan.delivery.ResidentMessages;
import id.ugdkemiskinan.delivery.WhatsAppMessageReceived;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Stores residents' messages, once per wamid: a replay (Meta delivers again, or two
 * deliveries race) changes nothing, not even the conversation's times. A message joins
 * the conversation of the same phone and business number whose last incoming message is
 * less than 24 hours old (whatever its status: a message after filing shows there as
 * new), else it opens a new one in the inbox its number is routed to. Messages of one
 * phone and number are stored one at a time (a transaction-scoped advisory lock), so two
 * at once never open two conversations.
 */
@Component
class IntakeStore {

	/** Messages this close to the last one join its conversation. */
	static final Duration JOIN_WINDOW = Duration.ofHours(24);

	/** What a resident writes to stop the updates (the messages say "balas BERHENTI"). */
	static final Set<String> STOP_WORDS = Set.of("BERHENTI", "STOP");

	private final JdbcClient jdbc;

	private final InboxConfiguration.Routing routing;

	private final ResidentFeedback feedback;

	private final Clock clock;

	IntakeStore(JdbcClient jdbc, InboxConfiguration.Routing routing, ResidentFeedback feedback, Clock clock) {
		this.jdbc = jdbc;
		this.routing = routing;
		this.feedback = feedback;
		this.clock = clock;
	}

	/** A message Meta's webhook delivered, stored before Meta has its answer. */
	@EventListener
	@Transactional
	public void onMessage(WhatsAppMessageReceived message) {
		Optional<Long> stored = store(message, this.routing.kecamatanOf(message.businessNumberId()), null);
		if (stored.isEmpty()) {
			return;
		}
		// A tap on a "sudah tertangani?" button is the resident's answer (the tap carries
		// no words of the resident's: a "Belum" gets the WhatsApp reason); "BERHENTI"
		// stops
		// the updates to that number. The message stays in its conversation either way.
		Optional<ResidentMessages.FeedbackTap> tap = message.buttonPayload() == null ? Optional.empty()
				: ResidentMessages.feedbackTap(message.buttonPayload());
		if (tap.isPresent()) {
			this.feedback.answerFromWhatsApp(tap.get().ticket(), message.from(), tap.get().resolved(), null);
		}
		else if (message.text() != null && STOP_WORDS.contains(message.text().strip().toUpperCase(Locale.ROOT))) {
			this.feedback.withdrawConsentFromWhatsApp(message.from());
		}
	}

	/**
	 * Stores the message, unless its wamid is stored already.
	 * @param kecamatanCode the inbox of a new conversation (null: the secretariat's)
	 * @param content a photo's bytes when they are at hand (the simulation): READY at
	 * once
	 * @return the new message's id, or empty for a replay
	 */
	@Transactional
	Optional<Long> store(WhatsAppMessageReceived message, @Nullable String kecamatanCode, byte @Nullable [] content) {
		if (exists(message.wamid())) {
			return Optional.empty();
		}
		// One phone and number at a time: the conversation's choice and the wamid's
		// check see what the one before committed.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('wa:' || :phone || ':' || :number))")
			.param("phone", message.from())
			.param("number", message.businessNumberId())
			.query((rs, n) -> 1)
			.list();
		if (exists(message.wamid())) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Instant at = message.sentAt().isAfter(now) ? now : message.sentAt();
		Timestamp time = Timestamp.from(at);
		Long conversation = this.jdbc.sql("""
				SELECT id FROM wa_conversation
				WHERE phone = :phone AND business_number = :number AND last_incoming_at > :since
				ORDER BY last_incoming_at DESC, id DESC LIMIT 1
				""")
			.param("phone", message.from())
			.param("number", message.businessNumberId())
			.param("since", Timestamp.from(at.minus(JOIN_WINDOW)))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (conversation == null) {
			conversation = this.jdbc.sql("""
					INSERT INTO wa_conversation (phone, contact_name, business_number, kecamatan_code, status,
					                             opened_at, last_message_at, last_incoming_at)
					VALUES (:phone, :name, :number, :kecamatan, 'OPEN', :at, :at, :at)
					RETURNING id
					""")
				.param("phone", message.from())
				.param("name", message.contactName())
				.param("number", message.businessNumberId())
				.param("kecamatan", kecamatanCode)
				.param("at", time)
				.query(Long.class)
				.single();
		}
		String mediaStatus = null;
		if (message.mediaId() != null) {
			mediaStatus = (content != null) ? "READY" : "PENDING";
		}
		Optional<Long> id = this.jdbc.sql("""
				INSERT INTO wa_message (conversation_id, wamid, direction, type, body, media_id, media_type,
				                        media_filename, media_status, media_content, media_size, occurred_at)
				VALUES (:conversation, :wamid, 'IN', :type, :body, :mediaId, :mediaType, :filename, :status,
				        :content, :size, :at)
				ON CONFLICT ON CONSTRAINT wa_message_once DO NOTHING
				RETURNING id
				""")
			.param("conversation", conversation)
			.param("wamid", message.wamid())
			.param("type", message.type().toLowerCase(Locale.ROOT))
			.param("body", body(message))
			.param("mediaId", message.mediaId())
			.param("mediaType", message.mediaType())
			.param("filename", message.mediaFilename())
			.param("status", mediaStatus)
			.param("content", content)
			.param("size", (content != null) ? content.length : null)
			.param("at", time)
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return id;
		}
		this.jdbc
			.sql("""
					UPDATE wa_conversation
					SET last_message_at = greatest(last_message_at, :at), last_incoming_at = greatest(last_incoming_at, :at),
					    contact_name = coalesce(:name, contact_name)
					WHERE id = :id
					""")
			.param("at", time)
			.param("name", message.contactName())
			.param("id", conversation)
			.update();
		return id;
	}

	long conversationOf(long messageId) {
		return this.jdbc.sql("SELECT conversation_id FROM wa_message WHERE id = :id")
			.param("id", messageId)
			.query(Long.class)
			.single();
	}

	private boolean exists(String wamid) {
		return this.jdbc.sql("SELECT count(*) FROM wa_message WHERE wamid = :wamid")
			.param("wamid", wamid)
			.query(Long.class)
			.single() > 0;
	}

	/** What the message says; a type without text is stored with its type's name. */
	private static @Nullable String body(WhatsAppMessageReceived message) {
		if (message.text() != null || message.mediaId() != null || "text".equals(message.type())) {
			return message.text();
		}
		return "[" + message.type() + "]";
	}

}
