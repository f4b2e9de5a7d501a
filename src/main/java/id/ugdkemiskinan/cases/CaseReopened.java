package id.ugdkemiskinan.cases;

import java.time.Instant;

/**
 * The UPT reopened a resolved or closed case, or the resident did by answering "Belum
 * tertangani" ({@code eventId} is then the RESIDENT_REOPENED event, after
 * {@link ResidentAnswered}); its new assignments follow as {@link AssignmentRouted}.
 */
public record CaseReopened(long eventId, long caseId, String ticket, String kecamatanCode, Instant occurredAt) {
}
