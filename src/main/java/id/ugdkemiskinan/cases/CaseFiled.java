package id.ugdkemiskinan.cases;

import java.time.Instant;

/**
 * A case was filed: its FILED timeline event ({@code eventId}) is written; its
 * assignments follow as {@link AssignmentRouted}, in the same transaction.
 */
public record CaseFiled(long eventId, long caseId, String ticket, String kecamatanCode, Instant filedAt) {
}
