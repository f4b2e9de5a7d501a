package id.ugdkemiskinan.cases;

/** A form token or {@code Idempotency-Key} longer than its column: 400, never a 500 from the database. */
class SubmissionKeyTooLongException extends RuntimeException {

	private final int maxLength;

	SubmissionKeyTooLongException(int maxLength) {
		super("Submission key longer than " + maxLength);
		this.maxLength = maxLength;
	}

	int maxLength() {
		return this.maxLength;
	}

}
