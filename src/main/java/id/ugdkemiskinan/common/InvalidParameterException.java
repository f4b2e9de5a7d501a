package id.ugdkemiskinan.common;

/**
 * A query parameter of a list that cannot be read ({@code page=abc}, {@code page=-1},
 * {@code status=FOO}): answered 400 with the message in Bahasa Indonesia, a notice on the
 * pages and problem details with {@code errors} on the API. Never a 404 or a silently
 * changed value.
 */
public class InvalidParameterException extends RuntimeException {

	private final String parameter;

	private final String messageKey;

	private final Object[] args;

	public InvalidParameterException(String parameter, String messageKey, Object... args) {
		super("Invalid parameter " + parameter);
		this.parameter = parameter;
		this.messageKey = messageKey;
		this.args = args;
	}

	public String parameter() {
		return this.parameter;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] args() {
		return this.args.clone();
	}

}
