package id.ugdkemiskinan.sla.admin;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small, careful reader of the all-day events of an iCalendar file (RFC 5545): each
 * VEVENT with {@code DTSTART;VALUE=DATE} (or a bare 8-digit date) gives a holiday per day
 * up to its {@code DTEND} (exclusive; at most 31 days), named by its SUMMARY. Timed
 * events are skipped. Anything that is not such a file is refused with a message key.
 */
final class IcsHolidays {

	/** The largest file read. */
	static final int MAX_BYTES = 1_000_000;

	/** The most holidays one file may bring. */
	static final int MAX_HOLIDAYS = 1000;

	private IcsHolidays() {
	}

	record Holiday(LocalDate date, String name) {
	}

	static final class InvalidIcsException extends Exception {

		private final String messageKey;

		InvalidIcsException(String messageKey) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return this.messageKey;
		}

	}

	static List<Holiday> parse(byte[] bytes) throws InvalidIcsException {
		if (bytes.length == 0) {
			throw new InvalidIcsException("calendar.ics.empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new InvalidIcsException("calendar.ics.tooLarge");
		}
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.indexOf('\0') >= 0 || text.indexOf('\uFFFD') >= 0) {
			throw new InvalidIcsException("calendar.ics.invalid");
		}
		List<String> lines = unfold(text);
		if (lines.isEmpty() || !lines.get(0).trim().equalsIgnoreCase("BEGIN:VCALENDAR")) {
			throw new InvalidIcsException("calendar.ics.invalid");
		}
		List<Holiday> holidays = new ArrayList<>();
		boolean inEvent = false;
		LocalDate start = null;
		LocalDate end = null;
		String summary = "";
		boolean ended = false;
		for (String line : lines) {
			int colon = line.indexOf(':');
			if (colon < 0) {
				if (line.isBlank()) {
					continue;
				}
				throw new InvalidIcsException("calendar.ics.invalid");
			}
			String[] nameAndParams = line.substring(0, colon).split(";");
			String name = nameAndParams[0].trim().toUpperCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim();
			if (name.equals("BEGIN") && value.equalsIgnoreCase("VEVENT")) {
				if (inEvent) {
					throw new InvalidIcsException("calendar.ics.invalid");
				}
				inEvent = true;
				start = null;
				end = null;
				summary = "";
			}
			else if (name.equals("END") && value.equalsIgnoreCase("VEVENT")) {
				if (!inEvent) {
					throw new InvalidIcsException("calendar.ics.invalid");
				}
				inEvent = false;
				if (start != null) {
					LocalDate last = (end != null && end.isAfter(start)) ? end.minusDays(1) : start;
					if (last.isAfter(start.plusDays(30))) {
						throw new InvalidIcsException("calendar.ics.invalid");
					}
					for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
						holidays.add(new Holiday(d, summary));
						if (holidays.size() > MAX_HOLIDAYS) {
							throw new InvalidIcsException("calendar.ics.tooMany");
						}
					}
				}
			}
			else if (name.equals("END") && value.equalsIgnoreCase("VCALENDAR")) {
				ended = true;
			}
			else if (inEvent && name.equals("DTSTART")) {
				start = date(nameAndParams, value);
			}
			else if (inEvent && name.equals("DTEND")) {
				end = date(nameAndParams, value);
			}
			else if (inEvent && name.equals("SUMMARY")) {
				summary = unescape(value);
			}
		}
		if (inEvent || !ended) {
			throw new InvalidIcsException("calendar.ics.invalid");
		}
		if (holidays.isEmpty()) {
			throw new InvalidIcsException("calendar.ics.noHolidays");
		}
		return holidays;
	}

	/** An all-day date, or null for a timed value (skipped). */
	private static LocalDate date(String[] nameAndParams, String value) throws InvalidIcsException {
		boolean dateValue = false;
		for (int i = 1; i < nameAndParams.length; i++) {
			if (nameAndParams[i].trim().equalsIgnoreCase("VALUE=DATE")) {
				dateValue = true;
			}
		}
		if (!dateValue && !value.matches("\\d{8}")) {
			return null;
		}
		if (!value.matches("\\d{8}")) {
			throw new InvalidIcsException("calendar.ics.invalid");
		}
		try {
			LocalDate date = LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
			if (date.getYear() < 2000 || date.getYear() > 2100) {
				throw new InvalidIcsException("calendar.ics.invalid");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidIcsException("calendar.ics.invalid");
		}
	}

	private static List<String> unfold(String text) {
		List<String> lines = new ArrayList<>();
		for (String raw : text.split("\r\n|\n|\r")) {
			if (!lines.isEmpty() && !raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t')) {
				lines.set(lines.size() - 1, lines.get(lines.size() - 1) + raw.substring(1));
			}
			else {
				lines.add(raw);
			}
		}
		while (!lines.isEmpty() && lines.get(0).isBlank()) {
			lines.remove(0);
		}
		return lines;
	}

	private static String unescape(String value) {
		String s = value.replace("\\n", " ")
			.replace("\\N", " ")
			.replace("\\,", ",")
			.replace("\\;", ";")
			.replace("\\\\", "\\")
			.strip();
		return s.length() > 200 ? s.substring(0, 200) : s;
	}

}
