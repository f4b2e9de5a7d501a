package id.ugdkemiskinan.cases;

import java.time.Instant;

/**
 * The secretariat took the case out of its triage by routing it: its triage assignment is
 * complete.
 */
public record AssignmentTriaged(long eventId, long caseId, String ticket, String kecamatanCode, long assignmentId,
		String dinasCode, Instant occurredAt) {
}
