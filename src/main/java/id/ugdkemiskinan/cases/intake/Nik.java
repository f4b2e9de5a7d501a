package id.ugdkemiskinan.cases.intake;

import java.util.function.Predicate;

/**
 * The 16-digit national identity number: province (2 digits), kabupaten (2), kecamatan
 * (2), birth date DDMMYY (women add 40 to the day), then a serial number.
 */
public final class Nik {

	private Nik() {
	}

	/**
	 * The message key of what is wrong with this NIK, or {@code null} when it is
	 * well-formed.
	 */
	static String problem(String nik, Predicate<String> isProvinceCode) {
		if (!nik.matches("[0-9]{16}")) {
			return "case.nik.format";
		}
		if (!isProvinceCode.test(nik.substring(0, 2))) {
			return "case.nik.province";
		}
		int day = Integer.parseInt(nik.substring(6, 8));
		int month = Integer.parseInt(nik.substring(8, 10));
		boolean validDay = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
		if (!validDay || month < 1 || month > 12) {
			return "case.nik.date";
		}
		return null;
	}

	/**
	 * {@code 3510********0001}: the full NIK only on the case page, for users in scope.
	 */
	public static String mask(String nik) {
		return nik == null ? null : nik.substring(0, 4) + "********" + nik.substring(12);
	}

}
