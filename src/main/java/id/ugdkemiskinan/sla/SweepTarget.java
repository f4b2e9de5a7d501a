package id.ugdkemiskinan.sla;

import java.time.Instant;
import java.util.List;

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
	 * time, and fixes their escalation levels from {@code chain} (the chain in force now;
	 * a later change of the chain never moves them).
	 */
	int flagBreached(Instant now, List<EscalationStep> chain, int batch);

	/**
	 * Moves up to {@code batch} breached assignments still without response along their
	 * fixed escalation levels: records each level's at-risk warning and escalation whose
	 * instant has come by {@code now}, once each, at its own instant; returns how many
	 * assignments it moved.
	 */
	int flagEscalations(Instant now, int batch);

}
