package id.ugdkemiskinan.cases;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

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
		/**
		 * Still without a response at a level of the escalation chain: for that level's
		 * recipients ({@link Flagged#escalationLevel()}).
		 */
		ESCALATED,
		/**
		 * Most of the window before a level of the escalation chain is used up: for the
		 * dinas, which can still stop it by responding.
		 */
		ESCALATION_AT_RISK

	}

	/**
	 * One flagged assignment and its timeline event; {@code escalationLevel} is the level
	 * of the chain for {@link Flag#ESCALATED} and {@link Flag#ESCALATION_AT_RISK},
	 * otherwise {@code null}.
	 */
	public record Flagged(long eventId, long caseId, String ticket, long assignmentId, String dinasCode,
			Instant occurredAt, @Nullable Integer escalationLevel) {

		public Flagged(long eventId, long caseId, String ticket, long assignmentId, String dinasCode,
				Instant occurredAt) {
			this(eventId, caseId, ticket, assignmentId, dinasCode, occurredAt, null);
		}

	}

}
