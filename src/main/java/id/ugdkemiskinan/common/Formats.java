package id.ugdkemiskinan.common;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import id.ugdkemiskinan.config.UgdProperties;

import org.springframework.stereotype.Component;

/**
 * How times, durations and numbers read on every page: times in the kabupaten's zone as
 * "23 Nov 2026 14.05", durations as "2 j 15 m". Templates call it as {@code @formats}.
 */
@Component("formats")
public class Formats {

	private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

	private final DateTimeFormatter dateTime;

	private final DateTimeFormatter date;

	public Formats(UgdProperties properties) {
		this.dateTime = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm", INDONESIAN).withZone(properties.zone());
		this.date = DateTimeFormatter.ofPattern("d MMM yyyy", INDONESIAN).withZone(properties.zone());
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : this.dateTime.format(instant);
	}

	public String date(Instant instant) {
		return instant == null ? "" : this.date.format(instant);
	}

	/** "2 j 05 m", or "40 m" under an hour. */
	public String duration(Duration duration) {
		if (duration == null) {
			return "";
		}
		long minutes = Math.abs(duration.toMinutes());
		long hours = minutes / 60;
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

}
