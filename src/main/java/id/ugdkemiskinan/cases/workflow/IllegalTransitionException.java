package id.ugdkemiskinan.cases.workflow;

/**
 * The lifecycle does not allow this change in the current state (responding twice,
 * resolving a cancelled assignment, closing an open case...): 409, with a message key
 * saying why.
 */
public class IllegalTransitionException extends RuntimeException {

	private final String messageKey;

	public IllegalTransitionException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
