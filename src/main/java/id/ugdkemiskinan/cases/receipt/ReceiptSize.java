package id.ugdkemiskinan.cases.receipt;

import java.util.Locale;

import id.ugdkemiskinan.common.InvalidParameterException;

import org.jspecify.annotations.Nullable;

/** The receipt's paper: A6 (a pocket slip, the default) or A4. */
enum ReceiptSize {

	A6, A4;

	/**
	 * The size asked for by {@code ?ukuran=}: none is A6.
	 * @throws InvalidParameterException for anything but {@code a6} or {@code a4}
	 */
	static ReceiptSize of(@Nullable String typed) {
		if (typed == null) {
			return A6;
		}
		switch (typed.trim().toLowerCase(Locale.ROOT)) {
			case "a6":
				return A6;
			case "a4":
				return A4;
			default:
				throw new InvalidParameterException("ukuran", "receipt.size.invalid");
		}
	}

	String param() {
		return name().toLowerCase(Locale.ROOT);
	}

}
