package id.ugdkemiskinan.cases;

import java.time.Instant;
import java.util.List;

import id.ugdkemiskinan.cases.AssignmentsFlagged.Flagged;

/**
 * One batch of holds that reached their limit and ended by themselves, each with its
 * {@code HOLD_LIMIT_REACHED} timeline event at the limit ({@code occurredAt});
 * {@code detectedAt} is when the sweep saw them. The secretariat is told. Published once
 * per batch.
 */
public record AssignmentHoldsExpired(Instant detectedAt, List<Flagged> holds) {

	public AssignmentHoldsExpired {
		holds = List.copyOf(holds);
	}

}
