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
	 * The resident said "belum tertangani" and the case reopened (the secretariat and the
	 * kecamatan's UPT).
	 */
	RESIDENT_REOPENED(true, false),
	/**
	 * A reply from the intake inbox to a resident's WhatsApp (never a person's choice).
	 */
	INBOX_REPLY(false, false, true),
	/**
	 * To the consenting resident: the receipt (ticket, access code, dinas and due times).
	 */
	RESIDENT_RECEIPT(false, false, true),
	/** To the consenting resident: a dinas responded for the first time. */
	RESIDENT_RESPONDED(false, false, true),
	/** To the consenting resident: every assignment ended, "sudah tertangani?". */
	RESIDENT_RESOLVED(false, false, true),
	/** To the consenting resident: the case was closed. */
	RESIDENT_CLOSED(false, false, true);

	private final boolean emailByDefault;

	private final boolean whatsAppByDefault;

	private final boolean toResident;

	DeliveryKind(boolean emailByDefault, boolean whatsAppByDefault) {
		this(emailByDefault, whatsAppByDefault, false);
	}

	DeliveryKind(boolean emailByDefault, boolean whatsAppByDefault, boolean toResident) {
		this.emailByDefault = emailByDefault;
		this.whatsAppByDefault = whatsAppByDefault;
		this.toResident = toResident;
	}

	/**
	 * Whether it goes to a resident's phone (never to an account, never a person's
	 * choice).
	 */
	public boolean toResident() {
		return this.toResident;
	}

	/** Whether it goes to a consenting resident about their case's events. */
	public boolean residentUpdate() {
		return this.toResident && this != INBOX_REPLY;
	}

	/**
	 * The message key of its name: {@code delivery.kind.<KIND>}, for the kinds of issue
	 * 16 {@code residentmsg.kind.<KIND>}.
	 */
	public String labelKey() {
		return labelKey(name());
	}

	/** {@link #labelKey()} of a kind's name as stored (for rows of the log). */
	public static String labelKey(String kind) {
		return (kind.startsWith("RESIDENT_") || kind.equals(INBOX_REPLY.name())) ? "residentmsg.kind." + kind
				: "delivery.kind." + kind;
	}

	/** Whether a person who has not chosen gets this kind on the channel. */
	public boolean byDefault(ChannelType channel) {
		return switch (channel) {
			case EMAIL -> this.emailByDefault;
			case WHATSAPP -> this.whatsAppByDefault;
			case WEBHOOK -> false;
		};
	}

	/**
	 * The kinds a message can have (all but the pseudo-kind DARURAT), those to residents
	 * last.
	 */
	public static List<DeliveryKind> messageKinds() {
		return List.of(NEW_ASSIGNMENT, TRIAGE, AT_RISK, BREACHED, ESCALATED, RETURNED, AWAITING_CONFIRMATION,
				CASE_REJECTED, RESIDENT_REOPENED, DIGEST, RESIDENT_RECEIPT, RESIDENT_RESPONDED, RESIDENT_RESOLVED,
				RESIDENT_CLOSED, INBOX_REPLY);
	}

	/**
	 * The kinds a person of the role can receive, in the order the "Notifikasi saya" page
	 * lists them (with DARURAT for those who hear of cases).
	 */
	public static List<DeliveryKind> forRole(Role role) {
		return switch (role) {
			case PETUGAS_DINAS -> List.of(NEW_ASSIGNMENT, AT_RISK, BREACHED, DARURAT);
			case SEKRETARIAT -> List.of(TRIAGE, AT_RISK, BREACHED, RETURNED, RESIDENT_REOPENED, DARURAT);
			case PIMPINAN -> List.of(ESCALATED, DIGEST, DARURAT);
			case OPERATOR_UPT -> List.of(AWAITING_CONFIRMATION, CASE_REJECTED, RESIDENT_REOPENED, DARURAT);
			case ADMIN -> List.of();
		};
	}

}
