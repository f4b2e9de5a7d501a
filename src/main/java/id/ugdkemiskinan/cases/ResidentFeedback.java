package id.ugdkemiskinan.cases;

import org.jspecify.annotations.Nullable;

/**
 * The resident's answer to "sudah tertangani?" coming from outside the status page: a
 * WhatsApp reply (the inbox hands it over). The answer counts only from the phone that
 * consented to updates for that case, while the case is resolved and the answer window
 * (14 days by default) is open, once per resolution.
 */
public interface ResidentFeedback {

	/**
	 * @param ticket the case's ticket (from the reply button's payload)
	 * @param phone the sender, E.164 ({@code +62…})
	 * @param resolved "Sudah" (true) or "Belum tertangani" (false)
	 * @param text the resident's words, if any (the reason for "Belum")
	 */
	Outcome answerFromWhatsApp(String ticket, String phone, boolean resolved, @Nullable String text);

	/**
	 * The resident wrote "BERHENTI" from the number: every active consent to updates to
	 * that number is withdrawn (via WHATSAPP), each with a CONSENT_WITHDRAWN event.
	 * @param phone the sender, E.164
	 * @return how many cases' consents were withdrawn
	 */
	int withdrawConsentFromWhatsApp(String phone);

	enum Outcome {

		/** Recorded (and, for "Belum", the case reopened). */
		RECORDED,
		/** This resolution was answered before: nothing changed. */
		ALREADY_ANSWERED,
		/** The case is not waiting for an answer (open, rejected, window passed). */
		NOT_ASKED,
		/** No such case for that phone. */
		UNKNOWN

	}

}
