package id.ugdkemiskinan.agency;

/**
 * Why the admin's change to the reference data was refused: a form field and a message
 * key.
 */
public class ReferenceChangeRefused extends RuntimeException {

	private final String field;

	private final String messageKey;

	ReferenceChangeRefused(String field, String messageKey) {
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
