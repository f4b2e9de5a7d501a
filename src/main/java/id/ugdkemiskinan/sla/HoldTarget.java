package id.ugdkemiskinan.sla;

import java.time.Instant;

/**
 * The holds the {@link SlaSweeper} ends at their limit ("menunggu dokumen/warga": at most
 * {@link HoldLimit#maxHold()}), implemented by the module that holds the assignments (the
 * cases module's {@code HoldRecords}), like {@link SweepTarget}.
 */
public interface HoldTarget {

	/**
	 * Ends up to {@code batch} open holds whose limit has passed by {@code now}, once
	 * each, at their limit, with their timeline events and the secretariat's
	 * notifications, in a transaction of its own; returns how many it ended.
	 */
	int endOverdueHolds(Instant now, int batch);

}
