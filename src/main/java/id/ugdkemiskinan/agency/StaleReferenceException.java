package id.ugdkemiskinan.agency;

/**
 * Someone else changed the record since the admin's form was shown (its version moved
 * on).
 */
public class StaleReferenceException extends RuntimeException {

	StaleReferenceException(String key) {
		super(key + " was changed meanwhile");
	}

}
