package id.ugdkemiskinan.cases.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.ugdkemiskinan.users.CurrentUser;

/**
 * One line of a case's timeline: who, when, what and why. Written once, never changed.
 */
@Entity
@Table(name = "case_event")
public class CaseEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long caseId;

	private Long assignmentId;

	@Enumerated(EnumType.STRING)
	private EventType type;

	private String dinasCode;

	private Instant occurredAt;

	private Long actorId;

	private String actorName;

	private String actorRole;

	private String note;

	/** The actor role of the resident's own events. */
	public static final String RESIDENT_ROLE = "WARGA";

	private Instant detectedAt;

	protected CaseEvent() {
	}

	public CaseEvent(long caseId, Long assignmentId, EventType type, String dinasCode, Instant occurredAt,
			CurrentUser actor, String note) {
		this.caseId = caseId;
		this.assignmentId = assignmentId;
		this.type = type;
		this.dinasCode = dinasCode;
		this.occurredAt = occurredAt;
		this.actorId = actor.id();
		this.actorName = actor.fullName();
		this.actorRole = actor.role().name();
		this.note = note;
	}

	/**
	 * An event in the resident's own word (the status page, a WhatsApp reply): no
	 * account, the actor is "Warga" with the role {@code WARGA}.
	 */
	public static CaseEvent byResident(long caseId, EventType type, Instant occurredAt, String actorName, String note) {
		CaseEvent event = new CaseEvent();
		event.caseId = caseId;
		event.type = type;
		event.occurredAt = occurredAt;
		event.actorName = actorName;
		event.actorRole = RESIDENT_ROLE;
		event.note = note;
		return event;
	}

	/**
	 * An event of one assignment caused by the resident's word (the triage assignment of
	 * a "Belum tertangani"): the actor is the resident, as in
	 * {@link #byResident(long, EventType, Instant, String, String)}.
	 */
	public static CaseEvent byResident(long caseId, Long assignmentId, String dinasCode, EventType type,
			Instant occurredAt, String actorName, String note) {
		CaseEvent event = byResident(caseId, type, occurredAt, actorName, note);
		event.assignmentId = assignmentId;
		event.dinasCode = dinasCode;
		return event;
	}

	public Long getId() {
		return this.id;
	}

	public String getDinasCode() {
		return this.dinasCode;
	}

}
