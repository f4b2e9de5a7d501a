package id.ugdkemiskinan.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * When the SLA clock runs: always (24/7, the default), or only in the open hours of each
 * weekday, never on a holiday, counted in the kabupaten's zone. Immutable; pure Java.
 */
public final class WorkCalendar {

	/** The most days a deadline may reach past its start (ten years): a guard. */
	private static final int MAX_DAYS = 3660;

	private final ZoneId zone;

	private final @Nullable Hours[] hours;

	private final Set<LocalDate> holidays;

	private final boolean always;

	private WorkCalendar(ZoneId zone, @Nullable Hours[] hours, Set<LocalDate> holidays, boolean always) {
		this.zone = zone;
		this.hours = hours;
		this.holidays = holidays;
		this.always = always;
	}

	/** The clock always runs. */
	public static WorkCalendar always(ZoneId zone) {
		return new WorkCalendar(Objects.requireNonNull(zone), new Hours[7], Set.of(), true);
	}

	/**
	 * Open hours per weekday (a weekday missing is closed) and holidays; at least one
	 * weekday must be open.
	 */
	public static WorkCalendar workingHours(ZoneId zone, Map<DayOfWeek, Hours> openHours, Set<LocalDate> holidays) {
		Objects.requireNonNull(zone);
		if (openHours.isEmpty()) {
			throw new IllegalArgumentException("a working-hours calendar needs at least one open weekday");
		}
		Hours[] byDay = new Hours[7];
		openHours.forEach((day, h) -> byDay[day.getValue() - 1] = Objects.requireNonNull(h));
		return new WorkCalendar(zone, byDay, Set.copyOf(new TreeSet<>(holidays)), false);
	}

	public boolean isAlways() {
		return this.always;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** The open hours of each open weekday, Monday first. */
	public Map<DayOfWeek, Hours> openHours() {
		Map<DayOfWeek, Hours> map = new EnumMap<>(DayOfWeek.class);
		for (int i = 0; i < 7; i++) {
			if (this.hours[i] != null) {
				map.put(DayOfWeek.of(i + 1), this.hours[i]);
			}
		}
		return map;
	}

	public Set<LocalDate> holidays() {
		return this.holidays;
	}

	/**
	 * The instant at which {@code openTime} of open hours have passed since
	 * {@code start}; a start outside open hours counts from the next opening. An exact
	 * end at closing time is that closing instant.
	 */
	public Instant addOpenTime(Instant start, Duration openTime) {
		if (openTime.isNegative()) {
			throw new IllegalArgumentException("open time must not be negative");
		}
		if (this.always) {
			return start.plus(openTime);
		}
		ZonedDateTime at = start.atZone(this.zone);
		LocalDate date = at.toLocalDate();
		LocalTime from = at.toLocalTime();
		long remaining = openTime.toNanos();
		for (int day = 0; day <= MAX_DAYS; day++) {
			Hours open = this.hours[date.getDayOfWeek().getValue() - 1];
			if (open != null && !this.holidays.contains(date)) {
				LocalTime windowStart = from.isAfter(open.open()) ? from : open.open();
				if (windowStart.isBefore(open.close())) {
					long available = Duration.between(windowStart, open.close()).toNanos();
					if (remaining <= available) {
						return LocalDateTime.of(date, windowStart).plusNanos(remaining).atZone(this.zone).toInstant();
					}
					remaining -= available;
				}
			}
			date = date.plusDays(1);
			from = LocalTime.MIDNIGHT;
		}
		throw new IllegalArgumentException("the calendar has no open time within " + MAX_DAYS + " days");
	}

	/**
	 * The due time of an assignment made at {@code start} with {@code responseTime} of
	 * open time.
	 */
	public Instant dueAt(Instant start, Duration responseTime) {
		return addOpenTime(start, responseTime);
	}

	/**
	 * The at-risk instant: {@code share} (0..1) of the response time, counted in open
	 * time the same way.
	 */
	public Instant atRiskFrom(Instant start, Duration responseTime, double share) {
		if (!(share > 0 && share < 1)) {
			throw new IllegalArgumentException("the at-risk share lies between 0 and 1");
		}
		return addOpenTime(start, Duration.ofMillis(Math.round(responseTime.toMillis() * share)));
	}

	/**
	 * The open hours of one weekday, {@code open} before {@code close} (both within the
	 * day).
	 */
	public record Hours(LocalTime open, LocalTime close) {

		public Hours {
			Objects.requireNonNull(open);
			Objects.requireNonNull(close);
			if (!open.isBefore(close)) {
				throw new IllegalArgumentException("opening must be before closing");
			}
		}

	}

}
