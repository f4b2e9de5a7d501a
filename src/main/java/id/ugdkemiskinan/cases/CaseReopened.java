package id.ugdkemiskinan.cases;

import java.time.Instant;

/**
 * The UPT reopened a resolved or closed case; its new assignments follow as
 * {@link AssignmentRouted}.
 */
public record CaseReopened(long eventId, long caseId, String ticket, String kecamatanCode, Instant occurredAt) {
}
