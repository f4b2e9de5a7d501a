package id.ugdkemiskinan.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sweeps the waiting assignments: records each one at risk, breached and escalated, once,
 * with its events ({@link SweepTarget}, implemented by the module that holds the
 * assignments), in bounded batches until nothing is left.
 * <p>
 * One clock: the application's injected {@link Clock}, not the database's {@code now()}.
 * Pages compute the live SLA state with that same clock, tests move it instead of
 * sleeping, and the instants recorded (breach = due time) do not depend on when the sweep
 * happens to run. Instances behind a load balancer must keep their clocks in sync (NTP),
 * as for every timestamp they write.
 */
@Component
public class SlaSweeper {

	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(SlaSweeper.class);

	private final SweepTarget target;

	private final EscalationChain chain;

	private final Clock clock;

	/** The holds past their limit, ended by the same sweep (none without cases). */
	private final ObjectProvider<HoldTarget> holds;

	/** Other clocks swept alongside ({@link DeadlineTarget}). */
	private final ObjectProvider<DeadlineTarget> deadlines;

	SlaSweeper(SweepTarget target, EscalationChain chain, Clock clock, ObjectProvider<HoldTarget> holds,
			ObjectProvider<DeadlineTarget> deadlines) {
		this.target = target;
		this.chain = chain;
		this.clock = clock;
		this.holds = holds;
		this.deadlines = deadlines;
	}

	/**
	 * What one sweep recorded: assignments at risk, breached, and moved along their
	 * escalation chain.
	 */
	public record Sweep(int atRisk, int breached, int escalated) {
	}

	public Sweep sweep() {
		Instant now = this.clock.instant();
		int atRisk = drain(() -> this.target.flagAtRisk(now, BATCH));
		List<EscalationStep> levels = this.chain.active();
		int breached = drain(() -> this.target.flagBreached(now, levels, BATCH));
		int escalated = drain(() -> this.target.flagEscalations(now, BATCH));
		if (atRisk + breached + escalated > 0) {
			log.info("SLA sweep at {}: {} at risk, {} breached, {} escalated", now, atRisk, breached, escalated);
		}
		this.holds.ifAvailable(target -> {
			int ended = drain(() -> target.endOverdueHolds(now, BATCH));
			if (ended > 0) {
				log.info("SLA sweep at {}: {} holds ended at their limit", now, ended);
			}
		});
		this.deadlines.orderedStream().forEach(target -> drain(() -> target.flagOverdue(now, BATCH)));
		return new Sweep(atRisk, breached, escalated);
	}

	private static int drain(java.util.function.IntSupplier batch) {
		int total = 0;
		int flagged;
		do {
			flagged = batch.getAsInt();
			total += flagged;
		}
		while (flagged == BATCH);
		return total;
	}

}
