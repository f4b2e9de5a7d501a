package id.ugdkemiskinan.residents.proposals;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import id.ugdkemiskinan.cases.AssignmentResolved;
import id.ugdkemiskinan.residents.DataProposalDecided;
import id.ugdkemiskinan.sla.SlaDeadlines;
import id.ugdkemiskinan.sla.WorkCalendar;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * Makes a data correction proposal when a dinas resolves its assignment with one of the
 * data correction interventions ({@code intervention.data_correction}), in the
 * resolution's own transaction (both or neither), with its verval due time fixed from the
 * setting of its kind then in force; and records a proposal's decision, once.
 */
@Component
class DataProposals {

	/** The kinds, in their order. */
	static final List<String> KINDS = List.of("USUL_PERBAIKAN_DESIL", "USUL_MASUK_DTSEN", "SANGGAH_PENERIMA");

	private final JdbcClient jdbc;

	private final SlaDeadlines deadlines;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	DataProposals(JdbcClient jdbc, SlaDeadlines deadlines, Clock clock, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.deadlines = deadlines;
		this.clock = clock;
		this.publisher = publisher;
	}

	/** The verval time of one kind as set now. */
	record Setting(String kind, int days, long calendarId, long version) {
	}

	Optional<Setting> setting(String kind) {
		return this.jdbc.sql("""
				SELECT s.kind, s.verval_days, s.calendar_id, s.version FROM data_proposal_setting s
				JOIN intervention i ON i.code = s.kind WHERE s.kind = :kind AND i.data_correction""")
			.param("kind", kind)
			.query((rs, n) -> new Setting(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
			.optional();
	}

	/**
	 * A resolution with a data correction intervention is a proposal waiting for verval.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AssignmentResolved resolved) {
		Optional<Setting> setting = setting(resolved.intervention());
		if (setting.isEmpty()) {
			return;
		}
		WorkCalendar calendar = this.deadlines.calendar(setting.get().calendarId());
		Instant proposedAt = resolved.occurredAt();
		Instant due = VervalClock.dueAt(proposedAt, setting.get().days(), calendar);
		Beneficiary who = beneficiary(resolved.caseId());
		this.jdbc.sql("""
				INSERT INTO data_proposal (kind, case_id, assignment_id, household_id, person_id, kecamatan_code,
				                           desa_code, proposed_at, proposed_by, due_at, due_in_working_days)
				SELECT :kind, c.id, :assignment, :household, :person, left(coalesce(h.desa_code, c.desa_code), 8),
				       coalesce(h.desa_code, c.desa_code), :proposedAt, :dinas, :due, :working
				FROM case_file c LEFT JOIN household h ON h.id = :household
				WHERE c.id = :case
				ON CONFLICT (assignment_id) DO NOTHING""")
			.param("kind", resolved.intervention())
			.param("assignment", resolved.assignmentId())
			.param("household", who.householdId())
			.param("person", who.personId())
			.param("proposedAt", utc(proposedAt))
			.param("dinas", resolved.dinasCode())
			.param("due", utc(due))
			.param("working", !calendar.isAlways())
			.param("case", resolved.caseId())
			.update();
	}

	private record Beneficiary(@Nullable Long personId, @Nullable Long householdId) {
	}

	/**
	 * The case's beneficiary in the registry: its link when the case was linked, else the
	 * person of its NIK, else (the household alone) the household of its KK.
	 */
	private Beneficiary beneficiary(long caseId) {
		return this.jdbc.sql("""
				SELECT person_id, household_id FROM (
				    SELECT 1 AS rank, p.id AS person_id, p.household_id FROM person_case pc
				    JOIN person p ON p.id = pc.person_id WHERE pc.case_id = :case
				    UNION ALL
				    SELECT 2, p.id, p.household_id FROM case_file c JOIN person p ON p.nik = c.nik WHERE c.id = :case
				    UNION ALL
				    SELECT 3, NULL, h.id FROM case_file c JOIN household h ON h.kk = c.kk WHERE c.id = :case) b
				ORDER BY rank LIMIT 1""")
			.param("case", caseId)
			.query((rs, n) -> new Beneficiary(rs.getObject(1, Long.class), rs.getObject(2, Long.class)))
			.optional()
			.orElse(new Beneficiary(null, null));
	}

	/** What a decision found. */
	enum Decided {

		DECIDED, ALREADY

	}

	/**
	 * Decides a proposal (already found in the user's scope) once: a second decision
	 * changes nothing. A decision after the due time records the breach at the due time
	 * if the sweep had not yet.
	 */
	@Transactional
	Decided decide(long id, boolean accepted, @Nullable String note, long userId) {
		Instant now = this.clock.instant();
		Optional<Row> row = this.jdbc.sql("""
				UPDATE data_proposal SET status = :status, decided_at = :now, decided_by = :user, decision_note = :note,
				       breached_at = CASE WHEN breached_at IS NULL AND due_at < :now THEN due_at ELSE breached_at END,
				       breach_detected_at = CASE WHEN breached_at IS NULL AND due_at < :now THEN :now
				                                 ELSE breach_detected_at END
				WHERE id = :id AND status = 'MENUNGGU'
				RETURNING kind, case_id, breached_at IS NOT NULL AS late""")
			.param("status", accepted ? "DITERIMA" : "DITOLAK")
			.param("now", utc(now))
			.param("user", userId)
			.param("note", note)
			.param("id", id)
			.query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getBoolean(3)))
			.optional();
		if (row.isEmpty()) {
			return Decided.ALREADY;
		}
		this.publisher.publishEvent(new DataProposalDecided(id, row.get().kind(), row.get().caseId(), accepted,
				row.get().late(), userId, now));
		return Decided.DECIDED;
	}

	private record Row(String kind, long caseId, boolean late) {
	}

}
