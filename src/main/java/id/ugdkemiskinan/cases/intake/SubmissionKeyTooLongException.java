package id.ugdkemiskinan.cases.intake;

/**
 * A form token or {@code Idempotency-Key} longer than its column: 400, never a 500 from
 * the database.
 */
public class SubmissionKeyTooLongException extends RuntimeException {

	private final int maxLength;

	public SubmissionKeyTooLongException(int maxLength) {
		super("Submission key longer than " + maxLength);
		this.maxLength = maxLength;
	}

	public int maxLength() {
		return this.maxLength;
	}

}
