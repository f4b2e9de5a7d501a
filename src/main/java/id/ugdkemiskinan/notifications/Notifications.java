package id.ugdkemiskinan.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import id.ugdkemiskinan.cases.AssignmentHoldsExpired;
import id.ugdkemiskinan.cases.AssignmentRouted;
import id.ugdkemiskinan.cases.AssignmentsFlagged;
import id.ugdkemiskinan.cases.AssignmentsFlagged.Flagged;
import id.ugdkemiskinan.cases.CaseAwaitingConfirmation;
import id.ugdkemiskinan.cases.CaseRejected;
import id.ugdkemiskinan.cases.ResidentAnswered;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications, from the events the cases module publishes, written synchronously
 * in the transaction of the timeline events that cause them, so none is lost or doubled:
 * dinas staff hear of each new assignment to their dinas and each of their assignments at
 * risk or breached (the secretariat likewise for its triage), the secretariat of every
 * breach, the recipients of each level of the escalation chain of that level (the dinas
 * of its warning before it), the UPT of its kecamatan's cases that wait for it, the
 * secretariat and the UPT of a case its resident reopened ("belum tertangani"), the
 * secretariat of every hold that reached its limit. Each person is told of each event
 * once (a unique key on person and event). A notification carries what its list shows
 * (ticket, dinas, instant), so this module reads only its own table, the accounts
 * ({@code app_user}) and the secretariat flag of the dinas. The events stay the single
 * source: the delivery module listens to the same events for email, WhatsApp and the
 * webhook, after the commit.
 */
@Component
class Notifications {

	/**
	 * Everyone concerned by the timeline events given as arrays (one element per event),
	 * all of kind {@code :kind}, created at {@code :now}. Who hears of what is decided
	 * here and only here.
	 */
	private static final String NOTIFY_DINAS_EVENTS = """
			INSERT INTO notification (user_id, event_id, case_id, kind, ticket, dinas_code, occurred_at, created_at)
			SELECT u.id, e.id, e.case_id, :kind, e.ticket, e.dinas_code, e.occurred_at, :now
			FROM unnest(CAST(:ids AS bigint[]), CAST(:caseIds AS bigint[]), CAST(:tickets AS text[]),
			            CAST(:dinasCodes AS text[]), CAST(:occurredAt AS timestamptz[]), CAST(:levels AS integer[]))
			     AS e (id, case_id, ticket, dinas_code, occurred_at, level)
			JOIN dinas d ON d.code = e.dinas_code
			JOIN app_user u ON u.enabled AND (
			       (:kind IN ('ROUTED', 'AT_RISK', 'BREACHED', 'ESCALATION_AT_RISK') AND u.role = 'PETUGAS_DINAS'
			        AND u.dinas_code = e.dinas_code)
			    OR (:kind IN ('ROUTED', 'AT_RISK', 'ESCALATION_AT_RISK') AND d.secretariat AND u.role = 'SEKRETARIAT')
			    OR (:kind = 'BREACHED' AND u.role = 'SEKRETARIAT')
			    OR (:kind = 'ESCALATED' AND e.level IS NULL AND u.role = 'PIMPINAN')
			    OR (:kind = 'ESCALATED' AND EXISTS (
			           SELECT 1 FROM escalation_recipient r WHERE r.level = e.level
			           AND (r.user_id = u.id OR r.role = u.role AND (u.role <> 'PETUGAS_DINAS' OR u.dinas_code = e.dinas_code)))))
			ON CONFLICT (user_id, event_id) DO NOTHING""";

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new assignment: its dinas's staff (the secretariat's, for its triage). */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AssignmentRouted routed) {
		notifyDinasEvents("ROUTED", List.of(new Flagged(routed.eventId(), routed.caseId(), routed.ticket(),
				routed.assignmentId(), routed.dinasCode(), routed.occurredAt())), routed.occurredAt());
	}

	/** One batch of the SLA sweep, in one statement. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AssignmentsFlagged flagged) {
		notifyDinasEvents(flagged.flag().name(), flagged.assignments(), flagged.detectedAt());
	}

	/**
	 * One batch of holds ended at their limit ("the clock runs again"): the secretariat,
	 * in one statement.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AssignmentHoldsExpired expired) {
		notifySecretariat("HOLD_LIMIT", expired.holds(), expired.detectedAt());
	}

	/** Every assignment has ended: the UPT is to call the resident and close the case. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(CaseAwaitingConfirmation awaiting) {
		notifyKecamatan(awaiting.eventId(), awaiting.caseId(), awaiting.ticket(), awaiting.kecamatanCode(),
				awaiting.dinasCode(), "AWAITING_CONFIRMATION", awaiting.occurredAt());
	}

	/** The secretariat rejected the case: the UPT is to tell the resident. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(CaseRejected rejected) {
		notifyKecamatan(rejected.eventId(), rejected.caseId(), rejected.ticket(), rejected.kecamatanCode(), null,
				"CASE_REJECTED", rejected.occurredAt());
	}

	/**
	 * The resident said "belum tertangani" and the case reopened: the secretariat (which
	 * triages it again, and hears of that assignment as ROUTED too) and the UPT of its
	 * kecamatan.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ResidentAnswered answered) {
		if (answered.resolved()) {
			return;
		}
		this.jdbc
			.sql("""
					INSERT INTO notification (user_id, event_id, case_id, kind, ticket, dinas_code, occurred_at, created_at)
					SELECT u.id, :event, :case, 'RESIDENT_REOPENED', :ticket, NULL, :occurredAt, :occurredAt
					FROM app_user u
					WHERE u.enabled AND (u.role = 'SEKRETARIAT' OR (u.role = 'OPERATOR_UPT' AND u.kecamatan_code = :kecamatan))
					ON CONFLICT (user_id, event_id) DO NOTHING""")
			.param("event", answered.eventId())
			.param("case", answered.caseId())
			.param("ticket", answered.ticket())
			.param("occurredAt", Timestamp.from(answered.occurredAt()))
			.param("kecamatan", answered.kecamatanCode())
			.update();
	}

	private int notifyDinasEvents(String kind, List<Flagged> events, Instant now) {
		int size = events.size();
		Long[] ids = new Long[size];
		Long[] caseIds = new Long[size];
		String[] tickets = new String[size];
		String[] dinasCodes = new String[size];
		String[] occurredAt = new String[size];
		Integer[] levels = new Integer[size];
		for (int i = 0; i < size; i++) {
			Flagged event = events.get(i);
			ids[i] = event.eventId();
			caseIds[i] = event.caseId();
			tickets[i] = event.ticket();
			dinasCodes[i] = event.dinasCode();
			occurredAt[i] = event.occurredAt().toString();
			levels[i] = event.escalationLevel();
		}
		return this.jdbc.sql(NOTIFY_DINAS_EVENTS)
			.param("kind", kind)
			.param("now", Timestamp.from(now))
			.param("ids", ids)
			.param("caseIds", caseIds)
			.param("tickets", tickets)
			.param("dinasCodes", dinasCodes)
			.param("occurredAt", occurredAt)
			.param("levels", levels)
			.update();
	}

	/** The enabled secretariat staff, of each of the timeline events given. */
	private int notifySecretariat(String kind, List<Flagged> events, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO notification (user_id, event_id, case_id, kind, ticket, dinas_code, occurred_at, created_at)
				SELECT u.id, e.id, e.case_id, :kind, e.ticket, e.dinas_code, e.occurred_at, :now
				FROM unnest(CAST(:ids AS bigint[]), CAST(:caseIds AS bigint[]), CAST(:tickets AS text[]),
				            CAST(:dinasCodes AS text[]), CAST(:occurredAt AS timestamptz[]))
				     AS e (id, case_id, ticket, dinas_code, occurred_at)
				JOIN app_user u ON u.enabled AND u.role = 'SEKRETARIAT'
				ON CONFLICT (user_id, event_id) DO NOTHING""")
			.param("kind", kind)
			.param("now", Timestamp.from(now))
			.param("ids", events.stream().map(Flagged::eventId).toArray(Long[]::new))
			.param("caseIds", events.stream().map(Flagged::caseId).toArray(Long[]::new))
			.param("tickets", events.stream().map(Flagged::ticket).toArray(String[]::new))
			.param("dinasCodes", events.stream().map(Flagged::dinasCode).toArray(String[]::new))
			.param("occurredAt", events.stream().map(e -> e.occurredAt().toString()).toArray(String[]::new))
			.update();
	}

	/** The enabled UPT operators of the case's kecamatan. */
	private int notifyKecamatan(long eventId, long caseId, String ticket, String kecamatanCode, String dinasCode,
			String kind, Instant occurredAt) {
		return this.jdbc.sql("""
				INSERT INTO notification (user_id, event_id, case_id, kind, ticket, dinas_code, occurred_at, created_at)
				SELECT u.id, :event, :case, :kind, :ticket, :dinas, :occurredAt, :now
				FROM app_user u
				WHERE u.enabled AND u.role = 'OPERATOR_UPT' AND u.kecamatan_code = :kecamatan
				ON CONFLICT (user_id, event_id) DO NOTHING""")
			.param("event", eventId)
			.param("case", caseId)
			.param("kind", kind)
			.param("ticket", ticket)
			.param("dinas", dinasCode)
			.param("occurredAt", Timestamp.from(occurredAt))
			.param("now", Timestamp.from(occurredAt))
			.param("kecamatan", kecamatanCode)
			.update();
	}

}
