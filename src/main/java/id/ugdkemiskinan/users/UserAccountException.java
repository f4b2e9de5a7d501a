package id.ugdkemiskinan.users;

/**
 * A request about an account that breaks a rule; carries the message key shown next to the field.
 *
 * @see UserAdministration
 */
class UserAccountException extends RuntimeException {

	private final String field;

	private final String messageKey;

	UserAccountException(String field, String messageKey) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	String field() {
		return this.field;
	}

	String messageKey() {
		return this.messageKey;
	}

}
