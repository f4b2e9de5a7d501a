package id.ugdkemiskinan.cases;

/**
 * The lifecycle does not allow this change in the current state (responding twice, resolving a
 * cancelled assignment, closing an open case...): 409, with a message key saying why.
 */
class IllegalTransitionException extends RuntimeException {

	private final String messageKey;

	IllegalTransitionException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
