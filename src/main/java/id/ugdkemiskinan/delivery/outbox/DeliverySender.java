package id.ugdkemiskinan.delivery.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import id.ugdkemiskinan.cases.CaseFacts;
import id.ugdkemiskinan.common.DemoMode;
import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import id.ugdkemiskinan.delivery.DeliveryProperties;
import id.ugdkemiskinan.delivery.channel.Channel;
import id.ugdkemiskinan.delivery.channel.MessageTexts;
import id.ugdkemiskinan.delivery.channel.MessageTexts.Preview;
import id.ugdkemiskinan.delivery.channel.OutgoingMessage;
import id.ugdkemiskinan.delivery.channel.SendResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox, outside any request and any case's transaction. One round claims up
 * to {@code batch-size} due deliveries ({@code FOR UPDATE SKIP LOCKED}, so that several
 * instances never take the same one) by marking them SENDING under a lease, sends them
 * {@code concurrency} at a time, and records every outcome in one statement. A timeout, a
 * 5xx or a 429 is tried again after the back-off (or the server's {@code Retry-After});
 * after the last it fails, as does at once what will never succeed. A warning about an
 * assignment that has been answered meanwhile is skipped, and so is an update to a
 * resident who withdrew the consent meanwhile. Should an instance die mid-round, its
 * lease runs out and another instance sends what it held.
 */
@Component
public class DeliverySender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

	/** The kinds that warn about an assignment still waiting for its response. */
	private static final Set<DeliveryKind> ABOUT_WAITING = Set.of(DeliveryKind.NEW_ASSIGNMENT, DeliveryKind.TRIAGE,
			DeliveryKind.AT_RISK, DeliveryKind.BREACHED, DeliveryKind.ESCALATED);

	private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
	};

	/**
	 * Due deliveries and those whose sender's lease ran out, each by its own partial
	 * index (the table keeps every message ever sent), locked and skipped by other
	 * senders.
	 */
	private static final String CLAIM = """
			WITH leased AS (
			  SELECT id FROM delivery WHERE status = 'SENDING' AND lease_until < :now
			  ORDER BY lease_until LIMIT :limit FOR UPDATE SKIP LOCKED
			), due AS (
			  SELECT id FROM delivery WHERE status = 'PENDING' AND next_attempt_at <= :now
			  ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED
			)
			UPDATE delivery d SET status = 'SENDING', lease_until = :leaseUntil, attempts = d.attempts + 1,
			                      updated_at = :now
			WHERE d.id IN (SELECT id FROM leased UNION ALL SELECT id FROM due)
			RETURNING d.id, d.delivery_key, d.kind, d.channel, d.recipient, d.recipient_label, d.assignment_id, d.case_id,
			          CAST(d.params AS text) AS params, d.attempts""";

	private static final String RECORD = """
			UPDATE delivery d SET status = r.status, next_attempt_at = coalesce(r.next_attempt_at, d.next_attempt_at),
			                      lease_until = NULL, last_error = r.last_error, provider_id = r.provider_id,
			                      subject = r.subject, body = r.body, sent_at = r.sent_at, outbox = r.outbox,
			                      updated_at = :now
			FROM unnest(CAST(:ids AS bigint[]), CAST(:statuses AS text[]), CAST(:nextAttempts AS timestamptz[]),
			            CAST(:errors AS text[]), CAST(:providerIds AS text[]), CAST(:subjects AS text[]),
			            CAST(:bodies AS text[]), CAST(:sentAt AS timestamptz[]), CAST(:outbox AS boolean[]))
			     AS r (id, status, next_attempt_at, last_error, provider_id, subject, body, sent_at, outbox)
			WHERE d.id = r.id AND d.status = 'SENDING' AND d.lease_until = :leaseUntil""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final DeliveryProperties properties;

	private final ObjectProvider<Channel> channels;

	private final MessageTexts texts;

	private final CaseFacts facts;

	private final DemoMode demo;

	private final ExecutorService pool;

	DeliverySender(JdbcClient jdbc, JsonMapper json, Clock clock, DeliveryProperties properties,
			ObjectProvider<Channel> channels, MessageTexts texts, CaseFacts facts, DemoMode demo) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.channels = channels;
		this.texts = texts;
		this.facts = facts;
		this.demo = demo;
		this.pool = Executors.newFixedThreadPool(properties.concurrency(), daemonThreads());
	}

	/** Sends until nothing is due; answers how many deliveries it handled. */
	public int drain() {
		int total = 0;
		int handled;
		do {
			handled = sendDue();
			total += handled;
		}
		while (handled >= this.properties.batchSize() && !Thread.currentThread().isInterrupted());
		return total;
	}

	/**
	 * One round: claims up to a batch of due deliveries (and as many whose lease ran out)
	 * and sends them.
	 */
	public int sendDue() {
		// In microseconds, as PostgreSQL keeps it: the lease identifies this round's
		// claim.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant leaseUntil = now.plus(this.properties.lease());
		List<Claimed> claimed = this.jdbc.sql(CLAIM)
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("now", Timestamp.from(now))
			.param("limit", this.properties.batchSize())
			.query((rs,
					n) -> new Claimed(new OutgoingMessage(rs.getLong("id"), rs.getString("delivery_key"),
							DeliveryKind.valueOf(rs.getString("kind")), ChannelType.valueOf(rs.getString("channel")),
							rs.getString("recipient"), rs.getString("recipient_label"),
							this.json.readValue(rs.getString("params"), PARAMS)), (Long) rs.getObject("assignment_id"),
							(Long) rs.getObject("case_id"), rs.getInt("attempts")))
			.list();
		if (claimed.isEmpty()) {
			return 0;
		}
		Set<Long> answered = answered(claimed);
		Map<Long, String> consenting = consenting(claimed);
		Map<ChannelType, Channel> configured = configuredChannels();
		List<Future<Outcome>> futures = new ArrayList<>(claimed.size());
		for (Claimed delivery : claimed) {
			futures.add(this.pool.submit(attempt(delivery, answered, consenting, configured, now, leaseUntil)));
		}
		List<Outcome> outcomes = new ArrayList<>(claimed.size());
		for (int i = 0; i < claimed.size(); i++) {
			outcomes.add(outcome(claimed.get(i), futures.get(i)));
		}
		record(outcomes, now, leaseUntil);
		return claimed.size();
	}

	/** Which of the claimed warnings are about assignments no longer waiting. */
	private Set<Long> answered(List<Claimed> claimed) {
		Set<Long> concerned = new HashSet<>();
		for (Claimed delivery : claimed) {
			if (delivery.warnsAboutWaiting()) {
				concerned.add(delivery.assignmentId());
			}
		}
		if (concerned.isEmpty()) {
			return Set.of();
		}
		concerned.removeAll(this.facts.stillWaiting(concerned));
		return concerned;
	}

	/**
	 * The consenting phones of the cases the claimed updates to residents are about: an
	 * update whose resident withdrew meanwhile (or whose consent is now for another
	 * number) is not sent.
	 */
	private Map<Long, String> consenting(List<Claimed> claimed) {
		Set<Long> cases = new HashSet<>();
		for (Claimed delivery : claimed) {
			if (delivery.message().kind().residentUpdate() && delivery.caseId() != null) {
				cases.add(delivery.caseId());
			}
		}
		return cases.isEmpty() ? Map.of() : this.facts.consentingPhones(cases);
	}

	private Map<ChannelType, Channel> configuredChannels() {
		Map<ChannelType, Channel> configured = new EnumMap<>(ChannelType.class);
		this.channels.orderedStream().filter(Channel::configured).forEach(c -> configured.put(c.type(), c));
		return configured;
	}

	private Callable<Outcome> attempt(Claimed delivery, Set<Long> answered, Map<Long, String> consenting,
			Map<ChannelType, Channel> configured, Instant now, Instant leaseUntil) {
		return () -> {
			OutgoingMessage message = delivery.message();
			if (delivery.warnsAboutWaiting() && answered.contains(delivery.assignmentId())) {
				return new Outcome(delivery, Outcome.SKIPPED, false);
			}
			if (message.kind().residentUpdate()
					&& (delivery.caseId() == null || !message.recipient().equals(consenting.get(delivery.caseId())))) {
				return new Outcome(delivery, Outcome.WITHDRAWN, false);
			}
			Channel channel = configured.get(message.channel());
			if (channel != null) {
				Outcome outcome = new Outcome(delivery, channel.send(message), false);
				if (outcome.result() instanceof SendResult.Sent sent && sent.providerId() != null) {
					// Status callbacks find a message by the provider's id, and
					// WhatsApp's
					// come within a second: recorded at once, not at the round's end
					// (which
					// then finds the row no longer SENDING and leaves it).
					record(List.of(outcome), now, leaseUntil);
				}
				return outcome;
			}
			if (this.demo.enabled() && this.properties.demoOutbox()) {
				Preview preview = this.texts.preview(message);
				return new Outcome(delivery, new SendResult.Sent(null, preview.subject(), preview.text()), true);
			}
			return new Outcome(delivery,
					new SendResult.Retry("saluran " + message.channel() + " belum dikonfigurasi", null), false);
		};
	}

	private static Outcome outcome(Claimed delivery, Future<Outcome> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new Outcome(delivery, new SendResult.Retry(String.valueOf(cause), null), false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(delivery, new SendResult.Retry("interrupted", null), false);
		}
	}

	/**
	 * Records the round's outcomes in one statement; should that fail, one by one, so
	 * that a row that cannot be written does not leave the others to be sent again after
	 * the lease.
	 */
	private void record(List<Outcome> outcomes, Instant now, Instant leaseUntil) {
		try {
			recordAll(outcomes, now, leaseUntil);
		}
		catch (DataAccessException ex) {
			log.warn("Recording {} deliveries at once failed, one by one now: {}", outcomes.size(), ex.getMessage());
			for (Outcome outcome : outcomes) {
				try {
					recordAll(List.of(outcome), now, leaseUntil);
				}
				catch (DataAccessException single) {
					log.error("Delivery {} could not be recorded: {}", outcome.delivery().message().id(),
							single.getMessage());
				}
			}
		}
	}

	private void recordAll(List<Outcome> outcomes, Instant now, Instant leaseUntil) {
		int size = outcomes.size();
		Long[] ids = new Long[size];
		String[] statuses = new String[size];
		String[] nextAttempts = new String[size];
		String[] errors = new String[size];
		String[] providerIds = new String[size];
		String[] subjects = new String[size];
		String[] bodies = new String[size];
		String[] sentAt = new String[size];
		Boolean[] outbox = new Boolean[size];
		for (int i = 0; i < size; i++) {
			Outcome outcome = outcomes.get(i);
			ids[i] = outcome.delivery().message().id();
			outbox[i] = outcome.outbox();
			SendResult result = outcome.result();
			if (result instanceof SendResult.Sent sent) {
				statuses[i] = "SENT";
				providerIds[i] = sent.providerId();
				subjects[i] = truncate(sent.subject(), 300);
				bodies[i] = sent.body();
				sentAt[i] = now.toString();
			}
			else if (result instanceof SendResult.Retry retry) {
				Duration wait = wait(outcome.delivery().attempts(), retry.retryAfter());
				statuses[i] = (wait != null) ? "PENDING" : "FAILED";
				nextAttempts[i] = (wait != null) ? now.plus(wait).toString() : null;
				errors[i] = truncate(retry.reason(), 1000);
			}
			else if (result instanceof SendResult.Failed failed) {
				statuses[i] = (failed == Outcome.SKIPPED || failed == Outcome.WITHDRAWN) ? "SKIPPED" : "FAILED";
				errors[i] = truncate(failed.reason(), 1000);
			}
		}
		this.jdbc.sql(RECORD)
			.param("ids", ids)
			.param("statuses", statuses)
			.param("nextAttempts", nextAttempts)
			.param("errors", errors)
			.param("providerIds", providerIds)
			.param("subjects", subjects)
			.param("bodies", bodies)
			.param("sentAt", sentAt)
			.param("outbox", outbox)
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.update();
	}

	/**
	 * The wait before the next attempt after {@code attempts} failed ones: the server's
	 * wish, else the back-off's; none after the last.
	 */
	private @Nullable Duration wait(int attempts, @Nullable Duration retryAfter) {
		List<Duration> backoff = this.properties.backoff();
		if (attempts > backoff.size()) {
			return null;
		}
		return (retryAfter != null && !retryAfter.isNegative()) ? retryAfter : backoff.get(attempts - 1);
	}

	private static @Nullable String truncate(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	@Override
	public void destroy() {
		this.pool.shutdownNow();
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "delivery-send-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private record Claimed(OutgoingMessage message, @Nullable Long assignmentId, @Nullable Long caseId, int attempts) {

		/**
		 * A warning about a waiting assignment, to a person (systems get every event).
		 */
		boolean warnsAboutWaiting() {
			return this.assignmentId != null && ABOUT_WAITING.contains(this.message.kind())
					&& this.message.channel() != ChannelType.WEBHOOK;
		}

	}

	private record Outcome(Claimed delivery, SendResult result, boolean outbox) {

		/** Answered before the message went out. */
		static final SendResult.Failed SKIPPED = new SendResult.Failed(
				"penugasan sudah direspon sebelum pesan dikirim");

		/** The resident withdrew the consent to updates before the message went out. */
		static final SendResult.Failed WITHDRAWN = new SendResult.Failed(
				"warga menarik persetujuan menerima kabar sebelum pesan dikirim");

	}

}
