package id.ugdkemiskinan.cases;

import java.time.Instant;

/**
 * The dinas returned its assignment to the secretariat as not theirs ("bukan kewenangan
 * kami").
 */
public record AssignmentReturned(long eventId, long caseId, String ticket, String kecamatanCode, long assignmentId,
		String dinasCode, Instant occurredAt) {
}
