package id.ugdkemiskinan.users;

import java.util.Optional;

/** The password rule: at least ten characters, and not the user name. */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	private PasswordPolicy() {
	}

	/** The message key of the rule the password breaks, if any. */
	static Optional<String> violation(String username, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.trim().equalsIgnoreCase(Usernames.normalize(username))) {
			return Optional.of("password.sameAsUsername");
		}
		return Optional.empty();
	}

}
