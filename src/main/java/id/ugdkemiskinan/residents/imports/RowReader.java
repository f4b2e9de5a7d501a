package id.ugdkemiskinan.residents.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import id.ugdkemiskinan.common.PhoneNumbers;
import id.ugdkemiskinan.region.DesaRef;
import id.ugdkemiskinan.residents.registry.NikFacts;

/**
 * Turns one row of a list into what goes into the registry, or into its problems (each a
 * field, the value as read and a message key): NIK by the same rules as a case's (16
 * digits, a known province, a day 1-31 or 41-71, a month 1-12), KK 16 digits, one of them
 * at least, the desa by its Kemendagri code or its name (unique in the kabupaten), a
 * name, a date (yyyy-MM-dd, dd/MM/yyyy, dd-MM-yyyy, or an XLSX date cell), a desil 1..10.
 */
final class RowReader {

	static final int NAME_MAX = 100;

	static final int ADDRESS_MAX = 300;

	private static final Pattern DESA_CODE = Pattern.compile("[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}");

	private static final Pattern DIGITS = Pattern.compile("[0-9]{16}");

	private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+(\\.[0-9]+)?[eE]\\+?[0-9]+");

	private static final List<DateTimeFormatter> DATES = List
		.of(DateTimeFormatter.ofPattern("uuuu-MM-dd"), DateTimeFormatter.ofPattern("d/M/uuuu"),
				DateTimeFormatter.ofPattern("d-M-uuuu"))
		.stream()
		.map((f) -> f.withResolverStyle(ResolverStyle.STRICT))
		.toList();

	/** What a good row brings. */
	record Staged(long rowNumber, @Nullable String nik, @Nullable String kk, String name, String desaCode,
			String address, @Nullable String phone, LocalDate day, @Nullable Integer desil, @Nullable String sex,
			@Nullable LocalDate birthDate) {
	}

	/** One problem of a row. */
	record Problem(long rowNumber, @Nullable String field, @Nullable String value, String messageKey) {
	}

	private final boolean desilList;

	private final Map<ImportField, Integer> columns;

	private final @Nullable LocalDate formDate;

	private final Map<String, DesaRef> desaByCode;

	/** Folded desa name to its desa, or {@code null} where two desa share the name. */
	private final Map<String, @Nullable DesaRef> desaByName = new HashMap<>();

	private final Predicate<String> provinceCode;

	private final LocalDate today;

	RowReader(boolean desilList, Map<ImportField, Integer> columns, @Nullable LocalDate formDate, List<DesaRef> desa,
			Predicate<String> provinceCode, LocalDate today) {
		this.desilList = desilList;
		this.columns = new EnumMap<>(columns);
		this.formDate = formDate;
		this.desaByCode = new HashMap<>();
		for (DesaRef d : desa) {
			this.desaByCode.put(d.code(), d);
			String name = fold(d.name());
			this.desaByName.put(name, this.desaByName.containsKey(name) ? null : d);
		}
		this.provinceCode = provinceCode;
		this.today = today;
	}

	/**
	 * The row's staged values, or {@code null} after adding its problems to
	 * {@code problems}.
	 */
	@Nullable Staged read(long rowNumber, List<String> cells, List<Problem> problems) {
		int before = problems.size();
		String nik = digits(value(cells, ImportField.NIK));
		String kk = digits(value(cells, ImportField.KK));
		if (nik != null) {
			String key = nikProblem(nik);
			if (key != null) {
				problems.add(new Problem(rowNumber, ImportField.NIK.key(), nik, key));
			}
		}
		if (kk != null && !DIGITS.matcher(kk).matches()) {
			problems.add(new Problem(rowNumber, ImportField.KK.key(), kk, "imp.row.kk"));
		}
		if (nik == null && kk == null) {
			problems.add(new Problem(rowNumber, ImportField.NIK.key(), null, "imp.row.nikOrKk"));
		}
		String name = clean(value(cells, ImportField.NAME));
		if (name == null) {
			problems.add(new Problem(rowNumber, ImportField.NAME.key(), null, "imp.row.nameMissing"));
		}
		else if (name.length() > NAME_MAX) {
			problems.add(new Problem(rowNumber, ImportField.NAME.key(), name, "imp.row.nameTooLong"));
		}
		String desaText = clean(value(cells, ImportField.DESA));
		DesaRef desa = null;
		if (desaText == null) {
			problems.add(new Problem(rowNumber, ImportField.DESA.key(), null, "imp.row.desaMissing"));
		}
		else {
			desa = desa(desaText);
			if (desa == null) {
				String key = (this.desaByName.containsKey(fold(desaText))) ? "imp.row.desaAmbiguous"
						: "imp.row.desaUnknown";
				problems.add(new Problem(rowNumber, ImportField.DESA.key(), desaText, key));
			}
		}
		String address = clean(value(cells, ImportField.ADDRESS));
		if (address != null && address.length() > ADDRESS_MAX) {
			problems.add(new Problem(rowNumber, ImportField.ADDRESS.key(), address, "imp.row.addressTooLong"));
		}
		if (address == null && kk == null) {
			problems.add(new Problem(rowNumber, ImportField.ADDRESS.key(), null, "imp.row.addressMissing"));
		}
		String phone = null;
		String phoneText = clean(value(cells, ImportField.PHONE));
		if (phoneText != null) {
			phone = PhoneNumbers.normalize(phoneText).orElse(null);
			if (phone == null || phone.length() > 16) {
				problems.add(new Problem(rowNumber, ImportField.PHONE.key(), phoneText, "imp.row.phone"));
			}
		}
		ImportField dateField = this.desilList ? ImportField.AS_OF : ImportField.RECEIVED_ON;
		LocalDate day = null;
		String dayText = clean(value(cells, dateField));
		if (dayText == null && this.desilList && this.formDate != null) {
			day = this.formDate;
		}
		else if (dayText == null) {
			problems.add(new Problem(rowNumber, dateField.key(), null, "imp.row.dateMissing"));
		}
		else {
			day = date(dayText);
			if (day == null) {
				problems.add(new Problem(rowNumber, dateField.key(), dayText, "imp.row.date"));
			}
			else if (day.isAfter(this.today) || day.getYear() < 1945) {
				problems.add(new Problem(rowNumber, dateField.key(), dayText, "imp.row.dateRange"));
				day = null;
			}
		}
		Integer desil = null;
		if (this.desilList) {
			String desilText = clean(value(cells, ImportField.DESIL));
			desil = desil(desilText);
			if (desil == null) {
				problems.add(new Problem(rowNumber, ImportField.DESIL.key(), desilText, "imp.row.desil"));
			}
		}
		if (problems.size() > before) {
			return null;
		}
		NikFacts facts = NikFacts.of(nik, this.today);
		return new Staged(rowNumber, nik, kk, name, desa.code(), (address != null) ? address : "-", phone, day, desil,
				facts.sex(), facts.birthDate());
	}

	/** As a case's NIK ({@code cases.intake.Nik}): the key of its problem, or null. */
	private @Nullable String nikProblem(String nik) {
		if (!DIGITS.matcher(nik).matches()) {
			return "imp.row.nikFormat";
		}
		if (!this.provinceCode.test(nik.substring(0, 2))) {
			return "imp.row.nikProvince";
		}
		int day = Integer.parseInt(nik.substring(6, 8));
		int month = Integer.parseInt(nik.substring(8, 10));
		boolean validDay = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
		if (!validDay || month < 1 || month > 12) {
			return "imp.row.nikDate";
		}
		return null;
	}

	private @Nullable DesaRef desa(String text) {
		if (DESA_CODE.matcher(text).matches()) {
			return this.desaByCode.get(text);
		}
		return this.desaByName.get(fold(text));
	}

	private @Nullable String value(List<String> cells, ImportField field) {
		Integer column = this.columns.get(field);
		if (column == null || column >= cells.size()) {
			return null;
		}
		return cells.get(column);
	}

	/**
	 * A NIK or KK as typed: spaces, dots, a leading apostrophe and an Excel exponent
	 * removed.
	 */
	static @Nullable String digits(@Nullable String text) {
		String v = clean(text);
		if (v == null) {
			return null;
		}
		v = v.replace("'", "").replace(" ", "");
		if (SCIENTIFIC.matcher(v).matches()) {
			try {
				v = new BigDecimal(v).toBigInteger().toString();
			}
			catch (NumberFormatException | ArithmeticException ex) {
				// left as it is: reported as not 16 digits
			}
		}
		if (v.endsWith(".0")) {
			v = v.substring(0, v.length() - 2);
		}
		return v.isEmpty() ? null : v;
	}

	/** Trimmed, control characters (NUL, ...) as spaces; {@code null} when blank. */
	static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length());
		boolean space = true;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c) || c == '\uFFFD') {
				if (!space) {
					out.append(' ');
					space = true;
				}
			}
			else {
				out.append(c);
				space = false;
			}
		}
		int end = out.length();
		if (end > 0 && out.charAt(end - 1) == ' ') {
			out.setLength(end - 1);
		}
		return (out.length() == 0) ? null : out.toString();
	}

	static @Nullable LocalDate date(String text) {
		String v = text.trim();
		if (v.length() > 10 && v.charAt(10) == ' ' || v.length() > 10 && v.charAt(10) == 'T') {
			v = v.substring(0, 10);
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(v, format);
			}
			catch (DateTimeException ex) {
				// the next format
			}
		}
		return null;
	}

	private static @Nullable Integer desil(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String v = text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
		if (v.isEmpty() || v.length() > 2 || !Character.isDigit(v.charAt(0))
				|| (v.length() == 2 && !Character.isDigit(v.charAt(1)))) {
			return null;
		}
		int n = Integer.parseInt(v);
		return (n >= 1 && n <= 10) ? n : null;
	}

	static String fold(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	/** A list of problems, for callers that keep them. */
	static List<Problem> problems() {
		return new ArrayList<>();
	}

}
