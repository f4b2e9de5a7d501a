package id.ugdkemiskinan.cases;

import java.time.Instant;
import java.util.Optional;

import id.ugdkemiskinan.users.CurrentUser;

/**
 * Linking something from outside to an existing case: the intake inbox links a WhatsApp
 * conversation to the case it is about.
 */
public interface CaseLinks {

	/** The case's id by its ticket, if the user may see the case (else empty). */
	Optional<Long> caseInScope(String ticket, CurrentUser user);

	/**
	 * Records on the case's timeline that a resident's WhatsApp conversation was linked
	 * to it ({@code WHATSAPP_LINKED}), with the note given.
	 */
	void whatsAppLinked(long caseId, CurrentUser user, String note, Instant at);

}
