package id.ugdkemiskinan.cases.resident;

import id.ugdkemiskinan.cases.ResidentAnswered;
import id.ugdkemiskinan.cases.ResidentFeedback;
import id.ugdkemiskinan.cases.domain.CaseEvent;
import id.ugdkemiskinan.cases.domain.CaseEventRepository;
import id.ugdkemiskinan.cases.domain.CaseFile;
import id.ugdkemiskinan.cases.domain.CaseFileRepository;
import id.ugdkemiskinan.cases.domain.EventType;
import id.ugdkemiskinan.cases.workflow.CaseWorkflow;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident's answers to "sudah tertangani?", from the status page and from WhatsApp,
 * and the withdrawal of the consent to updates on the status page. An answer counts once
 * per resolution ({@code resident_feedback_once}): the case row is locked first, so two
 * answers sent at once are taken one after the other and the second finds the first.
 * "Belum tertangani" reopens the case with one new triage assignment to the secretariat
 * ({@link CaseWorkflow#reopenForResident}).
 */
@Component
@Transactional
class ResidentAnswers implements ResidentFeedback {

	/** The actor of the resident's events on the timeline. */
	static final String RESIDENT = "Warga";

	/** The reason of a "Belum" sent on WhatsApp without words. */
	static final String WHATSAPP_WITHOUT_REASON = "(dijawab lewat WhatsApp)";

	static final int MAX_TEXT = 1000;

	private final CaseFileRepository cases;

	private final CaseEventRepository events;

	private final CaseWorkflow workflow;

	private final ResidentProperties properties;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	ResidentAnswers(CaseFileRepository cases, CaseEventRepository events, CaseWorkflow workflow,
			ResidentProperties properties, JdbcClient jdbc, ApplicationEventPublisher publisher, Clock clock) {
		this.cases = cases;
		this.events = events;
		this.workflow = workflow;
		this.properties = properties;
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * An answer given on the status page (already checked: a rating 1–5 with "Sudah", a
	 * reason with "Belum").
	 */
	Outcome answerOnStatusPage(String ticket, boolean resolved, @Nullable Integer rating, @Nullable String text) {
		Optional<CaseFile> kase = this.cases.lockByTicket(ticket);
		if (kase.isEmpty()) {
			return Outcome.UNKNOWN;
		}
		return answer(kase.get(), resolved, rating, text, "STATUS_PAGE");
	}

	@Override
	public Outcome answerFromWhatsApp(String ticket, String phone, boolean resolved, @Nullable String text) {
		if (ticket == null || phone == null) {
			return Outcome.UNKNOWN;
		}
		Optional<CaseFile> kase = this.cases.lockByTicket(ticket.strip().toUpperCase(Locale.ROOT));
		if (kase.isEmpty() || !consented(kase.get().getId(), phone.strip())) {
			return Outcome.UNKNOWN;
		}
		String words = text == null || text.isBlank() ? null : cut(text.strip());
		return answer(kase.get(), resolved, null, resolved ? words : (words == null ? WHATSAPP_WITHOUT_REASON : words),
				"WHATSAPP");
	}

	@Override
	public int withdrawConsentFromWhatsApp(String phone) {
		Instant now = this.clock.instant();
		List<Long> caseIds = this.jdbc.sql("""
				UPDATE resident_consent SET withdrawn_at = :now, withdrawn_via = 'WHATSAPP'
				WHERE phone = :phone AND withdrawn_at IS NULL
				RETURNING case_id""")
			.param("now", Timestamp.from(now))
			.param("phone", phone.strip())
			.query(Long.class)
			.list();
		for (long caseId : caseIds) {
			this.events.save(CaseEvent.byResident(caseId, EventType.CONSENT_WITHDRAWN, now, RESIDENT, "WhatsApp"));
		}
		return caseIds.size();
	}

	/**
	 * The resident stops the updates on the status page.
	 * @return whether a consent was withdrawn now (false: none, or withdrawn before)
	 */
	boolean withdrawConsent(String ticket) {
		Optional<CaseFile> kase = this.cases.lockByTicket(ticket);
		if (kase.isEmpty()) {
			return false;
		}
		Instant now = this.clock.instant();
		int withdrawn = this.jdbc.sql("""
				UPDATE resident_consent SET withdrawn_at = :now, withdrawn_via = 'STATUS_PAGE'
				WHERE case_id = :id AND withdrawn_at IS NULL""")
			.param("now", Timestamp.from(now))
			.param("id", kase.get().getId())
			.update();
		if (withdrawn == 0) {
			return false;
		}
		this.events.save(CaseEvent.byResident(kase.get().getId(), EventType.CONSENT_WITHDRAWN, now, RESIDENT, null));
		return true;
	}

	private Outcome answer(CaseFile kase, boolean resolved, @Nullable Integer rating, @Nullable String text,
			String via) {
		Instant now = this.clock.instant();
		Instant until = this.properties.answerUntil(kase.getStatus(), kase.getResolvedAt());
		if (until == null || now.isAfter(until)) {
			return answeredLastRound(kase) ? Outcome.ALREADY_ANSWERED : Outcome.NOT_ASKED;
		}
		Long feedback = this.jdbc.sql("""
				INSERT INTO resident_feedback (case_id, round_resolved_at, answer, rating, comment, via, answered_at)
				VALUES (:id, :round, :answer, :rating, :comment, :via, :now)
				ON CONFLICT ON CONSTRAINT resident_feedback_once DO NOTHING RETURNING id""")
			.param("id", kase.getId())
			.param("round", Timestamp.from(kase.getResolvedAt()))
			.param("answer", resolved ? "SUDAH" : "BELUM")
			.param("rating", resolved ? rating : null)
			.param("comment", text)
			.param("via", via)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (feedback == null) {
			return Outcome.ALREADY_ANSWERED;
		}
		CaseEvent event = this.events.save(CaseEvent.byResident(kase.getId(),
				resolved ? EventType.RESIDENT_CONFIRMED : EventType.RESIDENT_REOPENED, now, RESIDENT,
				resolved ? confirmation(rating, text) : text));
		this.jdbc.sql("UPDATE resident_feedback SET event_id = :event WHERE id = :id")
			.param("event", event.getId())
			.param("id", feedback)
			.update();
		this.publisher.publishEvent(new ResidentAnswered(event.getId(), kase.getId(), kase.getTicket(),
				kase.getKecamatanCode(), resolved, resolved ? rating : null, via, now));
		if (!resolved) {
			this.workflow.reopenForResident(kase, event.getId(), RESIDENT, now);
		}
		return Outcome.RECORDED;
	}

	/**
	 * Whether the case's latest resolution was answered: a case that a "Belum" reopened
	 * is open, and a second "Belum" finds the first.
	 */
	private boolean answeredLastRound(CaseFile kase) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM resident_feedback f WHERE f.case_id = :id
				    AND f.round_resolved_at = coalesce(CAST(:resolved AS timestamptz),
				        (SELECT max(g.round_resolved_at) FROM resident_feedback g WHERE g.case_id = :id)))""")
			.param("id", kase.getId())
			.param("resolved", kase.getResolvedAt() == null ? null : Timestamp.from(kase.getResolvedAt()))
			.query(Boolean.class)
			.single();
	}

	private boolean consented(long caseId, String phone) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM resident_consent
				    WHERE case_id = :id AND phone = :phone AND withdrawn_at IS NULL)""")
			.param("id", caseId)
			.param("phone", phone)
			.query(Boolean.class)
			.single();
	}

	/** The timeline's note of a "Sudah": the rating, and the comment if any. */
	private static @Nullable String confirmation(@Nullable Integer rating, @Nullable String comment) {
		String stars = rating == null ? null : rating + "/5";
		if (comment == null || comment.isBlank()) {
			return stars;
		}
		return stars == null ? comment : stars + " — " + comment;
	}

	private static String cut(String text) {
		return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
	}

}
