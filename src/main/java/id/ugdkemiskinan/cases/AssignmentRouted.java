package id.ugdkemiskinan.cases;

import java.time.Instant;

/**
 * An assignment to a dinas was made (on filing, routing, return or reopening), with its
 * own clock: the ROUTED timeline event {@code eventId}. The dinas's staff (the
 * secretariat's, for its triage) are told.
 */
public record AssignmentRouted(long eventId, long caseId, String ticket, String kecamatanCode, long assignmentId,
		String dinasCode, Instant occurredAt, Instant dueAt) {
}
