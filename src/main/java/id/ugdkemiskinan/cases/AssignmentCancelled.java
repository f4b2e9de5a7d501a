package id.ugdkemiskinan.cases;

import java.time.Instant;

/** The secretariat cancelled an assignment (alone, or with the rejection of its case). */
public record AssignmentCancelled(long eventId, long caseId, String ticket, String kecamatanCode, long assignmentId,
		String dinasCode, Instant occurredAt) {
}
