package id.ugdkemiskinan.common;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Email addresses as the contacts of accounts and duty contacts take them: trimmed, one
 * {@code @}, a dot in the domain, no blanks, at most 254 characters.
 */
public final class EmailAddresses {

	/** The longest address SMTP carries (and the column holds). */
	public static final int MAX_LENGTH = 254;

	private static final Pattern FORM = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

	private EmailAddresses() {
	}

	/** The address as stored, or empty when the text is not one. */
	public static Optional<String> normalize(@Nullable String typed) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		String address = typed.strip();
		if (address.length() > MAX_LENGTH || !FORM.matcher(address).matches()) {
			return Optional.empty();
		}
		return Optional.of(address);
	}

}
