package id.ugdkemiskinan.delivery;

import java.util.List;

import id.ugdkemiskinan.users.Role;

/**
 * What a message is about, each with its default channels for a person who has not
 * chosen: every kind by email; breaches and escalations also on WhatsApp. The pseudo-kind
 * {@link #DARURAT} is a person's choice for every message about a DARURAT case (by
 * default on WhatsApp too); it is never a message's kind.
 */
public enum DeliveryKind {

	/** A new assignment for a dinas (its staff and duty contact). */
	NEW_ASSIGNMENT(true, false),
	/** A case routed to the secretariat's triage (the secretariat). */
	TRIAGE(true, false),
	/** Most of the response time is used up. */
	AT_RISK(true, false),
	/** The four hours passed without a response (the dinas and the secretariat). */
	BREACHED(true, true),
	/** Still without a response long after the breach (the leadership). */
	ESCALATED(true, true),
	/** A dinas returned its assignment, "bukan kewenangan kami" (the secretariat). */
	RETURNED(true, false),
	/** Every assignment of a case has ended: the UPT is to call the resident. */
	AWAITING_CONFIRMATION(true, false),
	/** The secretariat rejected a case: the UPT is to tell the resident. */
	CASE_REJECTED(true, false),
	/** The leadership's daily digest at 07.00. */
	DIGEST(true, false),
	/** Every message about a DARURAT case, whatever its kind. */
	DARURAT(false, true),
	/**
	 * A reply from the intake inbox to a resident's WhatsApp (never a person's choice).
	 */
	INBOX_REPLY(false, false);

	private final boolean emailByDefault;

	private final boolean whatsAppByDefault;

	DeliveryKind(boolean emailByDefault, boolean whatsAppByDefault) {
		this.emailByDefault = emailByDefault;
		this.whatsAppByDefault = whatsAppByDefault;
	}

	/** Whether a person who has not chosen gets this kind on the channel. */
	public boolean byDefault(ChannelType channel) {
		return switch (channel) {
			case EMAIL -> this.emailByDefault;
			case WHATSAPP -> this.whatsAppByDefault;
			case WEBHOOK -> false;
		};
	}

	/** The kinds a message can have (all but the pseudo-kind DARURAT). */
	public static List<DeliveryKind> messageKinds() {
		return List.of(NEW_ASSIGNMENT, TRIAGE, AT_RISK, BREACHED, ESCALATED, RETURNED, AWAITING_CONFIRMATION,
				CASE_REJECTED, DIGEST);
	}

	/**
	 * The kinds a person of the role can receive, in the order the "Notifikasi saya" page
	 * lists them (with DARURAT for those who hear of cases).
	 */
	public static List<DeliveryKind> forRole(Role role) {
		return switch (role) {
			case PETUGAS_DINAS -> List.of(NEW_ASSIGNMENT, AT_RISK, BREACHED, DARURAT);
			case SEKRETARIAT -> List.of(TRIAGE, AT_RISK, BREACHED, RETURNED, DARURAT);
			case PIMPINAN -> List.of(ESCALATED, DIGEST, DARURAT);
			case OPERATOR_UPT -> List.of(AWAITING_CONFIRMATION, CASE_REJECTED, DARURAT);
			case ADMIN -> List.of();
		};
	}

}
