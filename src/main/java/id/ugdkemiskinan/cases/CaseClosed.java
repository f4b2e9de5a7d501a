package id.ugdkemiskinan.cases;

import java.time.Instant;

/** The UPT confirmed with the resident and closed the case. */
public record CaseClosed(long eventId, long caseId, String ticket, String kecamatanCode, Instant occurredAt) {
}
