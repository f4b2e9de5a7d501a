package id.ugdkemiskinan.residents;

import java.time.Instant;
import java.util.List;

/**
 * One sweep batch of data correction proposals ("usul masuk DTSEN", ...) whose verval
 * time passed without a decision, each flagged once at its due time; {@code detectedAt}
 * is when the sweep saw them. Published once per batch, in the sweep's transaction, for
 * the secretariat to be told.
 */
public record DataProposalsOverdue(Instant detectedAt, List<Overdue> proposals) {

	public DataProposalsOverdue {
		proposals = List.copyOf(proposals);
	}

	/** One proposal past its verval time. */
	public record Overdue(long proposalId, String kind, long caseId, String ticket, String kecamatanCode,
			Instant dueAt) {
	}

}
