package id.ugdkemiskinan.residents.registry;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a NIK says of its holder: the sex (women add 40 to the day of birth) and the birth
 * date DDMMYY, of the century that puts it in the past.
 */
public record NikFacts(@Nullable String sex, @Nullable LocalDate birthDate) {

	static final NikFacts UNKNOWN = new NikFacts(null, null);

	/** The facts of a 16-digit NIK, unknown where its date is not a date. */
	public static NikFacts of(@Nullable String nik, LocalDate today) {
		if (nik == null || !nik.matches("[0-9]{16}")) {
			return UNKNOWN;
		}
		int day = Integer.parseInt(nik.substring(6, 8));
		int month = Integer.parseInt(nik.substring(8, 10));
		int yy = Integer.parseInt(nik.substring(10, 12));
		String sex = (day > 40) ? "P" : "L";
		if (day > 40) {
			day -= 40;
		}
		int year = 2000 + yy;
		if (year > today.getYear()) {
			year -= 100;
		}
		try {
			LocalDate birth = LocalDate.of(year, month, day);
			if (birth.isAfter(today)) {
				birth = birth.minusYears(100);
			}
			return new NikFacts(sex, birth);
		}
		catch (DateTimeException ex) {
			return new NikFacts(sex, null);
		}
	}

}
