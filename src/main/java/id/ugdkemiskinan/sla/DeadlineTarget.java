package id.ugdkemiskinan.sla;

import java.time.Instant;

/**
 * Other clocks the {@link SlaSweeper} runs beside the assignments' (e.g. the verval of a
 * data correction proposal, in residents): every bean of this type is called each sweep,
 * batch by batch like {@link HoldTarget}, by the module that holds the records.
 */
public interface DeadlineTarget {

	/**
	 * Flags up to {@code batch} records whose due time has passed by {@code now} without
	 * being settled, once each, at their due time, in a transaction of its own (safe with
	 * several sweepers at once); returns how many it flagged.
	 */
	int flagOverdue(Instant now, int batch);

}
