package id.ugdkemiskinan.cases;

import java.time.Instant;

/**
 * The secretariat rejected the case (duplicate of {@code duplicateOfTicket}, or out of
 * scope): the REJECTED timeline event {@code eventId}. The kecamatan's UPT is to tell the
 * resident.
 */
public record CaseRejected(long eventId, long caseId, String ticket, String kecamatanCode, String duplicateOfTicket,
		Instant occurredAt) {
}
