package id.ugdkemiskinan.common;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The page asked for by a list's {@code page} (from 0) and {@code size} parameters, read
 * strictly: anything but a whole number in range is an {@link InvalidParameterException},
 * never a quiet correction. Also the strict reading of enum filters such as
 * {@code status}.
 */
public record Paging(int page, int size) {

	/**
	 * Pages beyond this are refused: an offset of millions of rows is no one's real need.
	 */
	public static final int MAX_PAGE = 10_000;

	public static Paging parse(String page, String size, int defaultSize, int maxSize) {
		int p = number("page", page, 0, 0, MAX_PAGE);
		int s = number("size", size, defaultSize, 1, maxSize);
		return new Paging(p, s);
	}

	public static Paging parse(String page, int size) {
		return new Paging(number("page", page, 0, 0, MAX_PAGE), size);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

	private static int number(String name, String value, int absent, int min, int max) {
		if (value == null || value.isBlank()) {
			return absent;
		}
		String v = value.trim();
		if (!v.matches("[-+]?[0-9]+")) {
			throw new InvalidParameterException(name, "param.number", v, min, max);
		}
		long n = v.replaceFirst("^[-+]?0*", "").length() > 10 ? (v.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE)
				: Long.parseLong(v);
		if (n < min || n > max) {
			throw new InvalidParameterException(name, "param.range", v, min, max);
		}
		return (int) n;
	}

	/**
	 * An enum filter by its constant's name (case as written); blank is "all"
	 * ({@code null}).
	 */
	public static <E extends Enum<E>> E option(String name, String value, Class<E> type) {
		return option(name, value, type, e -> true);
	}

	/**
	 * As {@link #option(String, String, Class)}, allowing only the constants that pass
	 * {@code allowed}.
	 */
	public static <E extends Enum<E>> E option(String name, String value, Class<E> type,
			java.util.function.Predicate<E> allowed) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.trim();
		Function<E, String> label = Enum::name;
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(v) && allowed.test(constant)) {
				return constant;
			}
		}
		String choices = String.join(", ", Arrays.stream(type.getEnumConstants()).filter(allowed).map(label).toList());
		throw new InvalidParameterException(name, "param.option", v, choices);
	}

}
