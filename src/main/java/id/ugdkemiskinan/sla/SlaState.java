package id.ugdkemiskinan.sla;

/**
 * The state of one assignment's four-hour clock, shown everywhere as text plus colour.
 */
public enum SlaState {

	/** Waiting, with more than the at-risk share of its time left. */
	ON_TRACK,
	/** Waiting, most of its time gone. */
	AT_RISK,
	/** Waiting, due time passed. */
	BREACHED,
	/** Responded at or before the due time. */
	MET,
	/** Responded after the due time. */
	MISSED,
	/**
	 * Returned to the secretariat ("bukan kewenangan kami") at or before the due time:
	 * its own outcome, never an on-time response.
	 */
	RETURNED,
	/** Returned to the secretariat after the due time. */
	RETURNED_LATE;

	public boolean waiting() {
		return this == ON_TRACK || this == AT_RISK || this == BREACHED;
	}

	/** Returned, in time or late. */
	public boolean returned() {
		return this == RETURNED || this == RETURNED_LATE;
	}

}
