package id.ugdkemiskinan.common;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How times, durations and numbers read on every page: times in the kabupaten's zone as
 * "23 Nov 2026 14.05", durations as "2 j 15 m". Templates call it as {@code @formats}.
 */
@Component("formats")
public class Formats {

	private static final Locale INDONESIAN = Locales.INDONESIA;

	private final DateTimeFormatter dateTime;

	private final DateTimeFormatter date;

	private final DateTimeFormatter zonedDateTime;

	private final DateTimeFormatter weekdayDateTime;

	private final DateTimeFormatter zonedWeekdayDateTime;

	public Formats(TimeProperties time) {
		this.dateTime = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm", INDONESIAN).withZone(time.zone());
		this.date = DateTimeFormatter.ofPattern("d MMM yyyy", INDONESIAN).withZone(time.zone());
		this.zonedDateTime = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm zzz", INDONESIAN).withZone(time.zone());
		this.weekdayDateTime = DateTimeFormatter.ofPattern("EEEE, d MMM yyyy HH.mm", INDONESIAN).withZone(time.zone());
		this.zonedWeekdayDateTime = DateTimeFormatter.ofPattern("EEEE, d MMM yyyy HH.mm zzz", INDONESIAN)
			.withZone(time.zone());
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : this.dateTime.format(instant);
	}

	/**
	 * With the zone's name ("1 Des 2026 18.30 WIB"): for what is read outside the app.
	 */
	public String zonedDateTime(Instant instant) {
		return instant == null ? "" : this.zonedDateTime.format(instant);
	}

	/**
	 * With the weekday ("Senin, 7 Des 2026 08.30"): for a due time counted in working
	 * hours, which often falls on another day than the one it was set.
	 */
	public String weekdayDateTime(Instant instant) {
		return instant == null ? "" : this.weekdayDateTime.format(instant);
	}

	/** With the weekday and the zone's name: for a due time read outside the app. */
	public String zonedWeekdayDateTime(Instant instant) {
		return instant == null ? "" : this.zonedWeekdayDateTime.format(instant);
	}

	public String date(Instant instant) {
		return instant == null ? "" : this.date.format(instant);
	}

	/**
	 * "2 j 05 m", "40 m" under an hour, "3 hari 4 j" from a day on (a breach of 76 hours
	 * reads in days).
	 */
	public String duration(Duration duration) {
		if (duration == null) {
			return "";
		}
		long minutes = Math.abs(duration.toMinutes());
		long hours = minutes / 60;
		if (hours >= 24) {
			long days = hours / 24;
			long rest = hours % 24;
			return rest == 0 ? number(days) + " hari" : number(days) + " hari " + rest + " j";
		}
		return hours == 0 ? (minutes + " m") : String.format(INDONESIAN, "%d j %02d m", hours, minutes % 60);
	}

	/** "850 B", "12,5 KB", "3,2 MB", with Indonesian decimal commas. */
	public String fileSize(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		double kilobytes = bytes / 1024.0;
		return kilobytes < 1024 ? String.format(INDONESIAN, "%.1f KB", kilobytes)
				: String.format(INDONESIAN, "%.1f MB", kilobytes / 1024);
	}

	/** "87,5 %" from a share between 0 and 1. */
	public String percent(Double share) {
		return share == null ? "–" : String.format(INDONESIAN, "%.1f %%", share * 100);
	}

	/** "4,2": one decimal, the Indonesian way; "–" when there is none. */
	public String decimal(Double value) {
		return value == null ? "–" : String.format(INDONESIAN, "%.1f", value);
	}

	/** "1.234" with the Indonesian thousands separator. */
	public String number(long value) {
		return java.text.NumberFormat.getIntegerInstance(INDONESIAN).format(value);
	}

	/** A duration given in minutes, as "1 j 20 m"; "–" when there is none. */
	public String minutes(Double minutes) {
		return minutes == null ? "–" : duration(Duration.ofSeconds(Math.round(minutes * 60)));
	}

	public String day(java.time.LocalDate date) {
		return date == null ? "" : DAY.format(date);
	}

	/**
	 * A heat-map class for a compliance share: heat-0 (worst) to heat-4 (best), heat-none
	 * without data.
	 */
	public String heat(Double share) {
		if (share == null) {
			return "heat-none";
		}
		return "heat-" + (share >= 0.95 ? 4 : share >= 0.85 ? 3 : share >= 0.7 ? 2 : share >= 0.5 ? 1 : 0);
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", INDONESIAN);

	/** A month, e.g. "Mar 2025" ("sudah menerima PKH sejak Mar 2025"). */
	public String month(java.time.LocalDate date) {
		return date == null ? "" : MONTH.format(date);
	}

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", INDONESIAN);

}
