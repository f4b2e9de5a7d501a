package id.ugdkemiskinan.cases;

import java.time.Instant;

/**
 * The operator gave the resident the receipt (ticket, access code, status page):
 * {@code medium} {@code PRINT}, {@code PDF} or {@code WHATSAPP} (send it to the
 * resident's consenting phone); {@code reprint} when it was given before.
 */
public record ReceiptIssued(long eventId, long caseId, String ticket, String kecamatanCode, String medium,
		boolean reprint, Instant occurredAt) {
}
