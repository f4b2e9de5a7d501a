package id.ugdkemiskinan.users.account;

/**
 * A request about an account that breaks a rule; carries the message key shown next to
 * the field.
 *
 * @see UserAdministration
 */
public class UserAccountException extends RuntimeException {

	private final String field;

	private final String messageKey;

	UserAccountException(String field, String messageKey) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
