package id.ugdkemiskinan.cases;

/** The user may not file a case there (a desa outside an operator's kecamatan): 403 in the API. */
class OutOfScopeException extends RuntimeException {

	OutOfScopeException(String message) {
		super(message);
	}

}
