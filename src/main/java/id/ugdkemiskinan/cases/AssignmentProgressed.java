package id.ugdkemiskinan.cases;

import java.time.Instant;

/** The dinas noted progress on its assignment. */
public record AssignmentProgressed(long eventId, long caseId, String ticket, String kecamatanCode, long assignmentId,
		String dinasCode, Instant occurredAt) {
}
