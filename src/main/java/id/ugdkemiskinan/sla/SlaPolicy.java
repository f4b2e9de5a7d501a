package id.ugdkemiskinan.sla;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * The four-hour promise: when an assignment is due, and its live state at a given
 * instant. The state is computed from the due time at the moment of the request, so a
 * breach shows the second it happens, whether or not anything has recorded it yet.
 */
@Component
public class SlaPolicy {

	private final Duration responseTime;

	private final double atRiskRatio;

	private final Duration escalationAfter;

	public SlaPolicy(SlaProperties properties) {
		this.responseTime = properties.responseTime();
		this.atRiskRatio = properties.atRiskRatio();
		this.escalationAfter = properties.escalationAfter();
	}

	/**
	 * The former single escalation's delay after a breach (the setting); the sweeper
	 * follows the {@link EscalationChain} instead.
	 */
	public Duration escalationAfter() {
		return this.escalationAfter;
	}

	/**
	 * Due time of an assignment made now; later changes of the setting do not move it.
	 */
	public Instant dueAt(Instant assignedAt) {
		return assignedAt.plus(this.responseTime);
	}

	/**
	 * The live state at {@code now}, from the instants fixed when the assignment was
	 * made; {@code respondedAt} is {@code null} while the dinas has not responded.
	 */
	public SlaState state(Instant atRiskFrom, Instant dueAt, Instant respondedAt, Instant now) {
		if (respondedAt != null) {
			return respondedAt.isAfter(dueAt) ? SlaState.MISSED : SlaState.MET;
		}
		if (now.isAfter(dueAt)) {
			return SlaState.BREACHED;
		}
		return now.isBefore(atRiskFrom) ? SlaState.ON_TRACK : SlaState.AT_RISK;
	}

	/**
	 * The same for an assignment that may have been returned to the secretariat: a return
	 * is its own outcome, {@link SlaState#RETURNED} or {@link SlaState#RETURNED_LATE} by
	 * whether the clock stopped (the response, or the return itself) at or before the due
	 * time; never {@link SlaState#MET}.
	 */
	public SlaState state(Instant atRiskFrom, Instant dueAt, Instant respondedAt, boolean returned, Instant now) {
		if (returned) {
			Instant stopped = respondedAt == null ? now : respondedAt;
			return stopped.isAfter(dueAt) ? SlaState.RETURNED_LATE : SlaState.RETURNED;
		}
		return state(atRiskFrom, dueAt, respondedAt, now);
	}

	/**
	 * The instant from which a waiting assignment counts as at risk (fixed when it is
	 * made).
	 */
	public Instant atRiskFrom(Instant assignedAt, Instant dueAt) {
		long allowedMillis = Duration.between(assignedAt, dueAt).toMillis();
		return assignedAt.plusMillis(Math.round(allowedMillis * this.atRiskRatio));
	}

}
