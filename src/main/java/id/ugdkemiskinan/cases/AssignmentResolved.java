package id.ugdkemiskinan.cases;

import java.time.Instant;

/** The dinas resolved its assignment with the intervention given. */
public record AssignmentResolved(long eventId, long caseId, String ticket, String kecamatanCode, long assignmentId,
		String dinasCode, String intervention, Instant occurredAt) {
}
