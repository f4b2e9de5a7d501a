package id.ugdkemiskinan.users.account;

import java.security.SecureRandom;

/**
 * Temporary passwords an admin reads out to a user; without look-alike characters (0/O,
 * 1/l/I).
 */
final class TemporaryPasswords {

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TemporaryPasswords() {
	}

	static String generate() {
		StringBuilder password = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
