package id.ugdkemiskinan.cases.intake;

/**
 * The user may not file a case there (a desa outside an operator's kecamatan): 403 in the
 * API.
 */
public class OutOfScopeException extends RuntimeException {

	public OutOfScopeException(String message) {
		super(message);
	}

}
