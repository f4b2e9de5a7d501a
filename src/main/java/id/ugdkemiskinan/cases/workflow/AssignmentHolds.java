package id.ugdkemiskinan.cases.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import id.ugdkemiskinan.cases.AssignmentCancelled;
import id.ugdkemiskinan.cases.AssignmentResolved;
import id.ugdkemiskinan.cases.AssignmentReturned;
import id.ugdkemiskinan.cases.domain.Assignment;
import id.ugdkemiskinan.cases.domain.AssignmentRepository;
import id.ugdkemiskinan.cases.domain.AssignmentStatus;
import id.ugdkemiskinan.cases.domain.CaseEvent;
import id.ugdkemiskinan.cases.domain.CaseEventRepository;
import id.ugdkemiskinan.cases.domain.CaseFile;
import id.ugdkemiskinan.cases.domain.CaseFileRepository;
import id.ugdkemiskinan.cases.domain.EventType;
import id.ugdkemiskinan.cases.intake.FieldProblem;
import id.ugdkemiskinan.cases.intake.InvalidCaseException;
import id.ugdkemiskinan.cases.sweep.HoldRecords;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.TextInput;
import id.ugdkemiskinan.sla.HoldLimit;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds ("menunggu dokumen/warga"): the assignment's own dinas puts its responded
 * assignment on hold with a reason, for at most {@link HoldLimit#maxHold()} (the limit is
 * fixed when the hold starts), and resumes it. A waiting assignment can never be held:
 * the response clock cannot be paused. A hold ends by a resume, at its limit (the sweep,
 * {@link HoldRecords}: "the clock runs again", the secretariat is told), or when the
 * assignment is resolved, returned or cancelled. Like every action of
 * {@link CaseWorkflow}, each locks the case row first, checks the form's version of the
 * assignment and moves it on, and writes its timeline event with the reason.
 */
@Service
@Transactional
public class AssignmentHolds {

	static final int MIN_REASON = CaseWorkflow.MIN_REASON;

	/** The longest reason (the column's width). */
	public static final int MAX_REASON = 500;

	private final CaseFileRepository cases;

	private final AssignmentRepository assignments;

	private final CaseEventRepository events;

	private final HoldRecords records;

	private final HoldLimit limit;

	private final JdbcClient jdbc;

	private final EntityManager entities;

	private final Clock clock;

	AssignmentHolds(CaseFileRepository cases, AssignmentRepository assignments, CaseEventRepository events,
			HoldRecords records, HoldLimit limit, JdbcClient jdbc, EntityManager entities, Clock clock) {
		this.cases = cases;
		this.assignments = assignments;
		this.events = events;
		this.records = records;
		this.limit = limit;
		this.jdbc = jdbc;
		this.entities = entities;
		this.clock = clock;
	}

	/** Puts the responded assignment on hold; returns the case's ticket. */
	public String hold(long assignmentId, Long version, String reason, CurrentUser user) {
		String text = reason == null ? "" : reason.strip();
		if (text.length() < MIN_REASON) {
			throw new InvalidCaseException(List.of(new FieldProblem("reason", "workflow.text.short", MIN_REASON)));
		}
		if (text.length() > MAX_REASON) {
			throw new InvalidCaseException(List.of(new FieldProblem("reason", "case.tooLong", MAX_REASON)));
		}
		if (!TextInput.isClean(text)) {
			throw new InvalidCaseException(List.of(new FieldProblem("reason", "hold.reason.invalid")));
		}
		Locked locked = lock(assignmentId, version, user);
		if (locked.assignment.getStatus() == AssignmentStatus.MENUNGGU_RESPON) {
			throw new IllegalTransitionException("hold.notResponded");
		}
		if (locked.assignment.getStatus() != AssignmentStatus.DIRESPON) {
			throw new IllegalTransitionException("hold.notOpen");
		}
		Instant now = this.clock.instant();
		// A hold past its limit that the sweep has not seen yet ends first, as the sweep
		// would have ended it.
		this.records.endIfOverdue(now, assignmentId);
		Optional<Long> held = this.jdbc.sql("""
				INSERT INTO assignment_hold (assignment_id, reason, held_by, held_by_name, started_at, limit_at)
				VALUES (:assignment, :reason, :user, :name, :now, :limit)
				ON CONFLICT (assignment_id) WHERE ended_at IS NULL DO NOTHING RETURNING id""")
			.param("assignment", assignmentId)
			.param("reason", text)
			.param("user", user.id())
			.param("name", user.fullName())
			.param("now", Timestamp.from(now))
			.param("limit", Timestamp.from(now.plus(this.limit.maxHold())))
			.query(Long.class)
			.optional();
		if (held.isEmpty()) {
			throw new IllegalTransitionException("hold.alreadyHeld");
		}
		event(locked, EventType.HOLD_STARTED, now, user, text);
		return locked.kase.getTicket();
	}

	/**
	 * Resumes the held assignment: the clock runs again. A hold already past its limit
	 * has ended at its limit (and the secretariat is told, once) instead.
	 */
	public String resume(long assignmentId, Long version, CurrentUser user) {
		Locked locked = lock(assignmentId, version, user);
		Instant now = this.clock.instant();
		if (this.records.endIfOverdue(now, assignmentId)) {
			return locked.kase.getTicket();
		}
		Optional<String> reason = this.jdbc.sql("""
				UPDATE assignment_hold SET ended_at = :now, end_reason = 'RESUMED', ended_by_name = :name
				WHERE assignment_id = :assignment AND ended_at IS NULL RETURNING reason""")
			.param("assignment", assignmentId)
			.param("now", Timestamp.from(now))
			.param("name", user.fullName())
			.query(String.class)
			.optional();
		if (reason.isEmpty()) {
			throw new IllegalTransitionException("hold.notHeld");
		}
		event(locked, EventType.HOLD_RESUMED, now, user, reason.get());
		return locked.kase.getTicket();
	}

	/** A held assignment resolved: its hold ends with it. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AssignmentResolved resolved) {
		endWithAssignment(resolved.assignmentId(), "RESOLVED", resolved.occurredAt());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AssignmentReturned returned) {
		endWithAssignment(returned.assignmentId(), "RETURNED", returned.occurredAt());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AssignmentCancelled cancelled) {
		endWithAssignment(cancelled.assignmentId(), "CANCELLED", cancelled.occurredAt());
	}

	private void endWithAssignment(long assignmentId, String endReason, Instant now) {
		this.records.endIfOverdue(now, assignmentId);
		this.jdbc.sql("""
				UPDATE assignment_hold SET ended_at = :now, end_reason = :reason
				WHERE assignment_id = :assignment AND ended_at IS NULL""")
			.param("assignment", assignmentId)
			.param("now", Timestamp.from(now))
			.param("reason", endReason)
			.update();
	}

	private record Locked(CaseFile kase, Assignment assignment) {
	}

	/**
	 * The case row locked, the assignment of the user's own dinas (another dinas's: not
	 * found; anyone else: forbidden) at the form's version, which this action moves on.
	 */
	private Locked lock(long assignmentId, Long version, CurrentUser user) {
		Long caseId = this.jdbc.sql("SELECT case_id FROM assignment WHERE id = :id")
			.param("id", assignmentId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("No assignment " + assignmentId));
		CaseFile kase = this.cases.lockById(caseId).orElseThrow();
		Assignment assignment = this.assignments.findById(assignmentId).orElseThrow();
		if (user.role() != Role.PETUGAS_DINAS) {
			throw new ForbiddenActionException(user.role() + " may not hold assignment " + assignmentId);
		}
		if (!assignment.getDinasCode().equals(user.dinasCode())) {
			throw new NotFoundException("Assignment " + assignmentId + " is not of dinas " + user.dinasCode());
		}
		if (version != null && version != assignment.getVersion()) {
			throw new CaseChangedException();
		}
		this.entities.lock(assignment, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
		return new Locked(kase, assignment);
	}

	private void event(Locked locked, EventType type, Instant now, CurrentUser user, String note) {
		this.events.save(new CaseEvent(locked.kase.getId(), locked.assignment.getId(), type,
				locked.assignment.getDinasCode(), now, user, note));
	}

}
