package id.ugdkemiskinan.residents;

import java.time.Instant;

/**
 * The verval of a data correction proposal was decided: {@code accepted} (DITERIMA) or
 * not (DITOLAK), by the secretariat or the dinas of the verval, which stops its clock.
 */
public record DataProposalDecided(long proposalId, String kind, long caseId, boolean accepted, boolean late,
		long decidedBy, Instant decidedAt) {
}
