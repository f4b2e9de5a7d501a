package id.ugdkemiskinan.agency.admin;

import org.jspecify.annotations.Nullable;

import id.ugdkemiskinan.common.InvalidParameterException;

import org.springframework.validation.BindingResult;

/** What the reference data forms share: the version field and the text checks. */
final class AdminForms {

	private AdminForms() {
	}

	/** The version the form was shown with; 400 when it is missing or not a number. */
	static long version(@Nullable String version) {
		if (version == null || version.isBlank()) {
			throw new InvalidParameterException("version", "refdata.version.invalid");
		}
		try {
			long value = Long.parseLong(version.strip());
			if (value < 0) {
				throw new InvalidParameterException("version", "refdata.version.invalid");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new InvalidParameterException("version", "refdata.version.invalid");
		}
	}

	/** The stripped text; a field message when it is required and empty, or too long. */
	static String text(@Nullable String value, String field, boolean required, int max, BindingResult result) {
		String text = value == null ? "" : value.strip();
		if (required && text.isEmpty()) {
			result.rejectValue(field, "refdata.field.required");
		}
		else if (text.length() > max) {
			result.rejectValue(field, "refdata.field.tooLong", new Object[] { max }, null);
		}
		return text;
	}

	static @Nullable String optional(String text) {
		return text.isEmpty() ? null : text;
	}

}
