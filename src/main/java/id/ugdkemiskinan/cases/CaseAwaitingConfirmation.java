package id.ugdkemiskinan.cases;

import java.time.Instant;

/**
 * Every assignment of the case has ended (the last one resolved, returned or cancelled):
 * the kecamatan's UPT is to call the resident and close the case. {@code eventId} and
 * {@code dinasCode} are those of the timeline event that ended the last assignment.
 */
public record CaseAwaitingConfirmation(long eventId, long caseId, String ticket, String kecamatanCode, String dinasCode,
		Instant occurredAt) {
}
