package id.ugdkemiskinan.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The resident answered "sudah tertangani?" ({@code eventId}: RESIDENT_CONFIRMED or
 * RESIDENT_REOPENED). {@code resolved} false ("Belum tertangani") reopened the case: its
 * new triage assignment follows as {@link AssignmentRouted}, after {@link CaseReopened}.
 *
 * @param via {@code STATUS_PAGE} or {@code WHATSAPP}
 * @param rating 1–5 with "Sudah", if given
 */
public record ResidentAnswered(long eventId, long caseId, String ticket, String kecamatanCode, boolean resolved,
		@Nullable Integer rating, String via, Instant occurredAt) {
}
