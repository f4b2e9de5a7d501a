package id.ugdkemiskinan.cases;

import java.time.Instant;

/**
 * The dinas wrote its first response: the clock stopped, {@code late} if after the due
 * time.
 */
public record AssignmentResponded(long eventId, long caseId, String ticket, String kecamatanCode, long assignmentId,
		String dinasCode, boolean late, Instant occurredAt) {
}
