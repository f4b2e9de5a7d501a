package id.ugdkemiskinan.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * What the {@link SlaSweeper} sweeps: the module that holds the assignments implements it
 * (the cases module's {@code SlaRecords}), so the SLA module knows the promise and its
 * schedule but not the tables. Each method records one bounded batch, once per
 * assignment, with its timeline events, in a transaction of its own, and returns how many
 * it recorded; the sweeper calls it until a batch comes back short.
 */
public interface SweepTarget {

	/** Flags up to {@code batch} waiting assignments at risk by {@code now}. */
	int flagAtRisk(Instant now, int batch);

	/**
	 * Flags up to {@code batch} waiting assignments breached by {@code now}, at their due
	 * time.
	 */
	int flagBreached(Instant now, int batch);

	/**
	 * Escalates up to {@code batch} breached assignments still without response
	 * {@code after} their breach.
	 */
	int flagEscalated(Instant now, Duration after, int batch);

}
