package id.ugdkemiskinan.cases.domain;

import id.ugdkemiskinan.cases.workflow.IllegalTransitionException;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One dinas's part of a case, with its own clock: due = assigned at + response time. */
@Entity
@Table(name = "assignment")
public class Assignment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long caseId;

	private String dinasCode;

	@Enumerated(EnumType.STRING)
	private AssignmentStatus status;

	private Instant assignedAt;

	private Instant dueAt;

	/**
	 * From when a waiting assignment counts as at risk; fixed at creation like the due
	 * time.
	 */
	private Instant atRiskFrom;

	/**
	 * Whether the due time was counted in a calendar's open hours (fixed at creation).
	 */
	@Column(updatable = false)
	private boolean dueInWorkingHours;

	private Instant respondedAt;

	private Instant closedAt;

	private String interventionCode;

	@Version
	private long version;

	protected Assignment() {
	}

	/**
	 * A new assignment with its own clock. The SLA record columns (at risk, breached,
	 * escalated) are the sweeper's and are deliberately not mapped here, so that saving
	 * an assignment never overwrites what the sweeper recorded in the meantime.
	 */
	public Assignment(long caseId, String dinasCode, Instant assignedAt, Instant dueAt, Instant atRiskFrom) {
		this.caseId = caseId;
		this.dinasCode = dinasCode;
		this.status = AssignmentStatus.MENUNGGU_RESPON;
		this.assignedAt = assignedAt;
		this.dueAt = dueAt;
		this.atRiskFrom = atRiskFrom;
	}

	/** The same, with a due time counted in working hours or not. */
	public Assignment(long caseId, String dinasCode, Instant assignedAt, Instant dueAt, Instant atRiskFrom,
			boolean dueInWorkingHours) {
		this(caseId, dinasCode, assignedAt, dueAt, atRiskFrom);
		this.dueInWorkingHours = dueInWorkingHours;
	}

	/**
	 * The first written response: stops the clock. Late (after the due time) is accepted
	 * and recorded as late.
	 * @return whether the response came after the due time
	 */
	public boolean respond(Instant now) {
		if (this.status != AssignmentStatus.MENUNGGU_RESPON) {
			throw new IllegalTransitionException(
					this.status.open() ? "workflow.alreadyResponded" : "workflow.assignmentClosed");
		}
		this.status = AssignmentStatus.DIRESPON;
		this.respondedAt = now;
		return now.isAfter(this.dueAt);
	}

	public void recordProgress() {
		requireOpen();
	}

	/**
	 * Resolved with the intervention given; the assignment must have been responded to.
	 */
	public void resolve(String interventionCode, Instant now) {
		if (this.status != AssignmentStatus.DIRESPON) {
			throw new IllegalTransitionException(this.status == AssignmentStatus.MENUNGGU_RESPON
					? "workflow.respondFirst" : "workflow.assignmentClosed");
		}
		this.status = AssignmentStatus.SELESAI;
		this.interventionCode = interventionCode;
		this.closedAt = now;
	}

	/**
	 * Returned to the secretariat as not this dinas's to handle. The written reason is
	 * the dinas's answer: it stops this clock (on time or late) while the secretariat's
	 * new one starts.
	 */
	public void returnToSecretariat(Instant now) {
		requireOpen();
		if (this.respondedAt == null) {
			this.respondedAt = now;
		}
		this.status = AssignmentStatus.DIKEMBALIKAN;
		this.closedAt = now;
	}

	/**
	 * The secretariat's triage assignment, done by routing the case on: that counts as
	 * its response (the clock stops now) and completes it.
	 */
	public void completeTriage(Instant now) {
		requireOpen();
		if (this.respondedAt == null) {
			this.respondedAt = now;
		}
		this.status = AssignmentStatus.SELESAI;
		this.closedAt = now;
	}

	public void cancel(Instant now) {
		requireOpen();
		this.status = AssignmentStatus.DIBATALKAN;
		this.closedAt = now;
	}

	private void requireOpen() {
		if (!this.status.open()) {
			throw new IllegalTransitionException("workflow.assignmentClosed");
		}
	}

	public Long getId() {
		return this.id;
	}

	long getCaseId() {
		return this.caseId;
	}

	public String getDinasCode() {
		return this.dinasCode;
	}

	public AssignmentStatus getStatus() {
		return this.status;
	}

	public long getVersion() {
		return this.version;
	}

}
