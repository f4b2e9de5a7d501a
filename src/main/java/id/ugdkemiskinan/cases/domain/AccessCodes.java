package id.ugdkemiskinan.cases.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The resident's access code to the status page: 10 characters from an alphabet of 32
 * without look-alikes (no 0/O, 1/I), so 50 bits, shown in two groups of five
 * ({@code K7MQX-3PA9R}) and read back whatever the resident types around it (case,
 * spaces, dashes). Codes of older cases have 6 characters and are still accepted.
 */
public final class AccessCodes {

	static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	/** The length of new codes. */
	public static final int LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private AccessCodes() {
	}

	/** A new random code (stored without the dash). */
	public static String generate() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** As shown to people: {@code K7MQX-3PA9R} (older 6-character codes as they are). */
	public static String format(String code) {
		if (code.length() == LENGTH) {
			return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
		}
		return code;
	}

	/** What was typed, upper case, without spaces and dashes (empty for null). */
	public static String normalize(@Nullable String typed) {
		if (typed == null) {
			return "";
		}
		return typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
	}

	/** Whether the typed code is the case's code, in constant time. */
	public static boolean matches(String code, @Nullable String typed) {
		return MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8),
				normalize(typed).getBytes(StandardCharsets.UTF_8));
	}

}
