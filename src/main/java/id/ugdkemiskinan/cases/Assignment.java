package id.ugdkemiskinan.cases;

import java.time.Instant;

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
class Assignment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long caseId;

	private String dinasCode;

	@Enumerated(EnumType.STRING)
	private AssignmentStatus status;

	private Instant assignedAt;

	private Instant dueAt;

	private Instant respondedAt;

	private Instant closedAt;

	@Version
	private long version;

	protected Assignment() {
	}

	Assignment(long caseId, String dinasCode, Instant assignedAt, Instant dueAt) {
		this.caseId = caseId;
		this.dinasCode = dinasCode;
		this.status = AssignmentStatus.MENUNGGU_RESPON;
		this.assignedAt = assignedAt;
		this.dueAt = dueAt;
	}

	Long getId() {
		return this.id;
	}

	String getDinasCode() {
		return this.dinasCode;
	}

}
