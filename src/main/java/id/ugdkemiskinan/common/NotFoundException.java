package id.ugdkemiskinan.common;

/**
 * A record that does not exist, or that the user may not see: both answer 404, so that
 * nobody learns from the answer what lies outside their scope.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
