package id.ugdkemiskinan.cases.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.ugdkemiskinan.common.InvalidParameterException;

/**
 * What a typed search ({@code q}) finds, as one SQL condition on {@code case_file c}:
 * <ul>
 * <li>a ticket with or without its prefix: {@code UGD-26-000042}, {@code 26-000042},
 * {@code 000042} or {@code 42} (the running number, any year);</li>
 * <li>4 or more consecutive digits of the NIK, the KK or the resident's phone, typed with
 * or without spaces, dots or dashes ({@code 3510 0552}, {@code 0812-3456},
 * {@code +62 812 3456});</li>
 * <li>otherwise any part of the name, case and accents aside: each word typed must occur
 * in the name (in any order); a word of one or two letters must start a word of the name
 * ("Si" finds "Mbah Siti", not "Yasin"), since so short a fragment inside words would
 * match nearly everyone.</li>
 * </ul>
 * Every branch is served by an index (V10): trigram GIN indexes on {@code search_name}
 * and {@code search_digits}, and the ticket's running number.
 */
final class CaseSearch {

	static final int MAX_LENGTH = 100;

	static final int MIN_DIGITS = 4;

	private static final int MAX_WORDS = 6;

	private static final Pattern TICKET = Pattern.compile("(?i)\\s*(UGD)?[\\s-]*([0-9]{2})[\\s-]+([0-9]{1,9})\\s*");

	private static final Pattern NUMBER = Pattern.compile("\\s*(\\+?)[0-9\\s().\\-/]+");

	private CaseSearch() {
	}

	/**
	 * The condition for {@code q}, its parameters added to {@code params}; {@code null}
	 * for no search.
	 */
	static String condition(String q, Map<String, Object> params) {
		if (q == null || q.isBlank()) {
			return null;
		}
		if (q.length() > MAX_LENGTH) {
			throw new InvalidParameterException("q", "param.q.tooLong", MAX_LENGTH);
		}
		Matcher ticket = TICKET.matcher(q);
		if (ticket.matches()) {
			String number = withoutLeadingZeros(ticket.group(3));
			params.put("qTicketYear", ticket.group(2));
			params.put("qTicketNumber", number);
			String byTicket = "(ltrim(split_part(c.ticket, '-', 3), '0') = :qTicketNumber "
					+ "AND split_part(c.ticket, '-', 2) = :qTicketYear)";
			if (ticket.group(1) != null) {
				return byTicket;
			}
			// "26-000042" may as well be digits of a NIK or phone typed with a dash.
			params.put("qDigits", "%" + ticket.group(2) + ticket.group(3) + "%");
			return "(" + byTicket + " OR c.search_digits LIKE :qDigits)";
		}
		if (NUMBER.matcher(q).matches() && q.chars().anyMatch(Character::isDigit)) {
			String digits = q.replaceAll("[^0-9]", "");
			if (q.strip().startsWith("+62") && digits.startsWith("62")) {
				digits = "0" + digits.substring(2);
			}
			List<String> any = new ArrayList<>();
			if (digits.length() <= 9 && !withoutLeadingZeros(digits).isEmpty()) {
				params.put("qTicketNumber", withoutLeadingZeros(digits));
				any.add("ltrim(split_part(c.ticket, '-', 3), '0') = :qTicketNumber");
			}
			if (digits.length() == 16) {
				// A whole NIK or KK (no phone has 16 digits): their own indexes, exact.
				params.put("qNumber", digits);
				any.add("c.nik = :qNumber OR c.kk = :qNumber");
			}
			else if (digits.length() >= MIN_DIGITS) {
				params.put("qDigits", "%" + digits + "%");
				any.add("c.search_digits LIKE :qDigits");
			}
			return any.isEmpty() ? "FALSE" : "(" + String.join(" OR ", any) + ")";
		}
		List<String> all = new ArrayList<>();
		String[] words = q.strip().split("\\s+");
		for (int i = 0; i < Math.min(words.length, MAX_WORDS); i++) {
			String word = likeEscaped(words[i]);
			String name = "qName" + i;
			// Folded in SQL by the same function as the stored column, so both sides
			// agree.
			params.put(name, (words[i].codePointCount(0, words[i].length()) < 3 ? "% " : "%") + word + "%");
			all.add("c.search_name LIKE ugd_search_fold(:" + name + ")");
		}
		return "(" + String.join(" AND ", all) + ")";
	}

	private static String withoutLeadingZeros(String digits) {
		return digits.replaceFirst("^0+", "");
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
