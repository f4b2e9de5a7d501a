package id.ugdkemiskinan.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import id.ugdkemiskinan.delivery.WhatsAppMedia;
import org.apache.tika.Tika;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches the photos and letters residents sent, after the webhook has answered: one
 * pending message at a time, claimed with {@code FOR UPDATE SKIP LOCKED} (several
 * instances share the work), at most 5 MB and only JPEG, PNG or PDF by content (else
 * TOO_LARGE or FAILED, shown as such); Meta not answering now is tried again after 1, 2,
 * 4, 8 minutes, then FAILED.
 */
@Component
class MediaFetcher {

	/** As the case's attachments. */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_ATTEMPTS = 5;

	static final Set<String> ALLOWED = Set.of("image/jpeg", "image/png", "application/pdf");

	/** At most this many per run, so that one run stays short. */
	private static final int BATCH = 20;

	private final JdbcClient jdbc;

	private final WhatsAppMedia media;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Tika tika = new Tika();

	MediaFetcher(JdbcClient jdbc, WhatsAppMedia media, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.media = media;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Fetches what is due; answers how many were settled or tried. */
	int fetchPending() {
		if (!this.media.available()) {
			return 0;
		}
		int done = 0;
		while (done < BATCH && Boolean.TRUE.equals(this.transaction.execute((status) -> fetchOne()))) {
			done++;
		}
		return done;
	}

	private boolean fetchOne() {
		Instant now = this.clock.instant();
		Optional<Pending> next = this.jdbc.sql("""
				SELECT id, media_id, media_attempts FROM wa_message
				WHERE media_status = 'PENDING' AND (media_next_attempt_at IS NULL OR media_next_attempt_at <= :now)
				ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
				""")
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("media_id"), rs.getInt("media_attempts")))
			.optional();
		if (next.isEmpty()) {
			return false;
		}
		Pending pending = next.get();
		int attempts = pending.attempts() + 1;
		try {
			WhatsAppMedia.Media fetched = this.media.fetch(pending.mediaId(), MAX_BYTES);
			String type = this.tika.detect(fetched.content());
			if (fetched.content().length == 0 || !ALLOWED.contains(type)) {
				settle(pending.id(), "FAILED", attempts, "not a JPEG, PNG or PDF: " + type);
			}
			else {
				this.jdbc.sql("""
						UPDATE wa_message SET media_status = 'READY', media_content = :content, media_size = :size,
						       media_type = :type, media_attempts = :attempts, media_error = NULL,
						       media_next_attempt_at = NULL
						WHERE id = :id
						""")
					.param("content", fetched.content())
					.param("size", fetched.content().length)
					.param("type", type)
					.param("attempts", attempts)
					.param("id", pending.id())
					.update();
			}
		}
		catch (WhatsAppMedia.MediaTooLargeException ex) {
			settle(pending.id(), "TOO_LARGE", attempts, ex.getMessage());
		}
		catch (WhatsAppMedia.MediaUnavailableException ex) {
			if (ex.retryable() && attempts < MAX_ATTEMPTS) {
				this.jdbc.sql("""
						UPDATE wa_message SET media_attempts = :attempts, media_error = :error,
						       media_next_attempt_at = :next
						WHERE id = :id
						""")
					.param("attempts", attempts)
					.param("error", trim(ex.getMessage()))
					.param("next", Timestamp.from(now.plus(Duration.ofMinutes(1L << (attempts - 1)))))
					.param("id", pending.id())
					.update();
			}
			else {
				settle(pending.id(), "FAILED", attempts, ex.getMessage());
			}
		}
		return true;
	}

	private void settle(long id, String status, int attempts, String error) {
		this.jdbc.sql("""
				UPDATE wa_message SET media_status = :status, media_attempts = :attempts, media_error = :error,
				       media_next_attempt_at = NULL
				WHERE id = :id
				""")
			.param("status", status)
			.param("attempts", attempts)
			.param("error", trim(error))
			.param("id", id)
			.update();
	}

	private static String trim(String text) {
		String value = (text == null) ? "-" : text;
		return (value.length() <= 500) ? value : value.substring(0, 500);
	}

	private record Pending(long id, String mediaId, int attempts) {
	}

}
