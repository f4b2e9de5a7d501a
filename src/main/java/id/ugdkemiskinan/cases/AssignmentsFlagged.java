package id.ugdkemiskinan.cases;

import java.time.Instant;
import java.util.List;

/**
 * One batch of the SLA sweep: these waiting assignments were flagged {@code flag}, each
 * with its timeline event, at the instant it happened (the breach at the due time);
 * {@code detectedAt} is when the sweep saw them. Published once per batch (at most the
 * sweep's batch size of {@code assignments}), not once per assignment.
 */
public record AssignmentsFlagged(Flag flag, Instant detectedAt, List<Flagged> assignments) {

	public AssignmentsFlagged {
		assignments = List.copyOf(assignments);
	}

	/** What the sweep recorded. */
	public enum Flag {

		/** Most of the time to respond is used up. */
		AT_RISK,
		/** Past the due time without a response. */
		BREACHED,
		/** Still without a response long after the breach: for the leadership. */
		ESCALATED

	}

	/** One flagged assignment and its timeline event. */
	public record Flagged(long eventId, long caseId, String ticket, long assignmentId, String dinasCode,
			Instant occurredAt) {
	}

}
