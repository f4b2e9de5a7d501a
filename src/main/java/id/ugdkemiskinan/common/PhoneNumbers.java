package id.ugdkemiskinan.common;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Indonesian phone numbers, typed as 08…, +62… or 62…, stored in one form: +62… (E.164).
 * The one reading for a resident's number at intake and for the contacts of accounts and
 * duty contacts.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	public static Optional<String> normalize(@Nullable String typed) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		String compact = typed.replaceAll("[\\s().-]", "");
		if (!compact.matches("(\\+62|62|0)[0-9]{7,13}")) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = UTIL.parse(compact.startsWith("62") ? "+" + compact : compact, "ID");
			if (number.getCountryCode() != 62 || !UTIL.isValidNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A mobile number (08…, +628…), for the contacts that WhatsApp reaches; empty for a
	 * landline or what is no number.
	 */
	public static Optional<String> normalizeMobile(@Nullable String typed) {
		return normalize(typed).filter(number -> number.startsWith("+628"));
	}

}
