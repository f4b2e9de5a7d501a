package id.ugdkemiskinan.cases.intake;

/**
 * A submission key already filed a case with other content: 422 in the API, a notice on
 * the form.
 */
public class SubmissionReusedException extends RuntimeException {

	private final String ticket;

	public SubmissionReusedException(String ticket) {
		super("The submission key already filed " + ticket + " with other content");
		this.ticket = ticket;
	}

	/** The case the key filed first (the same user's). */
	public String ticket() {
		return this.ticket;
	}

}
