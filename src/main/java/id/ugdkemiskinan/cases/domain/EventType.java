package id.ugdkemiskinan.cases.domain;

/** What happened to a case; each is one line of its timeline. */
public enum EventType {

	/** A UPT operator (or the secretariat) recorded the complaint. */
	FILED,
	/** An assignment to a dinas was made, with its own clock. */
	ROUTED,
	/** The dinas wrote its first response in time: the clock stopped. */
	RESPONDED,
	/** The dinas wrote its first response after the due time: recorded, and late. */
	RESPONDED_LATE,
	/** A note on the progress of the work. */
	PROGRESS,
	/** The dinas resolved its assignment with an intervention. */
	RESOLVED,
	/** The dinas returned its assignment to the secretariat as not theirs. */
	RETURNED,
	/** The secretariat cancelled an assignment. */
	CANCELLED,
	/** The secretariat took the case out of triage by routing it. */
	TRIAGED,
	/** The secretariat rejected the case (duplicate or out of scope). */
	REJECTED,
	/** The UPT confirmed with the resident and closed the case. */
	CLOSED,
	/** The UPT reopened a resolved or closed case. */
	REOPENED,
	/**
	 * The sweeper: a waiting assignment has used most of its time (at its true instant).
	 */
	AT_RISK,
	/**
	 * The sweeper: a waiting assignment passed its due time (recorded at the due time).
	 */
	BREACHED,
	/**
	 * The sweeper: a breached assignment still without response was escalated to a level
	 * of the escalation chain (the level in {@code escalation_level}, "Level n: name" in
	 * the note).
	 */
	ESCALATED,
	/**
	 * The sweeper: a breached assignment still without response is close to a level of
	 * the escalation chain (most of that level's window used up).
	 */
	ESCALATION_AT_RISK,
	/**
	 * The operator gave the resident the receipt (printed, PDF or WhatsApp) at filing.
	 */
	RECEIPT_ISSUED,
	/** The operator printed the receipt again: the access code was shown again. */
	RECEIPT_REPRINTED,
	/** The resident agreed to updates by WhatsApp/SMS (recorded by the operator). */
	CONSENT_GIVEN,
	/** The resident's consent was withdrawn (by staff, the status page or WhatsApp). */
	CONSENT_WITHDRAWN,
	/** The resident answered "Sudah tertangani" (with a rating). */
	RESIDENT_CONFIRMED,
	/** The resident answered "Belum tertangani": the case reopened for triage. */
	RESIDENT_REOPENED,
	/** A WhatsApp conversation of the inbox was linked to the case. */
	WHATSAPP_LINKED,
	/**
	 * The dinas put its responded assignment on hold ("menunggu dokumen/warga"), with the
	 * reason.
	 */
	HOLD_STARTED,
	/** The dinas resumed its held assignment. */
	HOLD_RESUMED,
	/**
	 * The sweeper: a hold reached its limit and ended by itself (recorded at the limit);
	 * the secretariat is told.
	 */
	HOLD_LIMIT_REACHED

}
