package id.ugdkemiskinan.users.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import me.gosimple.nbvcxz.resources.DictionaryUtil;

/**
 * The password rule: at least ten characters and at most 72 bytes in UTF-8 (what bcrypt
 * reads; the rest would be silently ignored), not the user name, not one character
 * repeated, and not one of the {@link #COMMON_PASSWORDS} most common passwords.
 * <p>
 * The common passwords are the top of the ranked password dictionary bundled in nbvcxz
 * ({@code me.gosimple:nbvcxz}, MIT License; its list is ranked by how often each password
 * was found in public breach corpora). Compared without regard to case.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	/** bcrypt uses the first 72 bytes of a password and ignores the rest. */
	public static final int MAX_BYTES = 72;

	static final int COMMON_PASSWORDS = 10_000;

	private static final Set<String> COMMON = loadCommonPasswords();

	private PasswordPolicy() {
	}

	/** The message key of the rule the password breaks, if any. */
	public static Optional<String> violation(String username, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("password.tooLong");
		}
		if (password.trim().equalsIgnoreCase(Usernames.normalize(username))) {
			return Optional.of("password.sameAsUsername");
		}
		if (password.codePoints().distinct().count() == 1) {
			return Optional.of("password.repeated");
		}
		if (isCommon(password)) {
			return Optional.of("password.common");
		}
		return Optional.empty();
	}

	static boolean isCommon(String password) {
		return COMMON.contains(password.toLowerCase(Locale.ROOT));
	}

	private static Set<String> loadCommonPasswords() {
		Map<String, Integer> ranked = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords);
		return ranked.entrySet()
			.stream()
			.filter(entry -> entry.getValue() <= COMMON_PASSWORDS)
			.map(entry -> entry.getKey().toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

}
