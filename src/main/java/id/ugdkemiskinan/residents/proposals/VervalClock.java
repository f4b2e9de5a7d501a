package id.ugdkemiskinan.residents.proposals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;

import id.ugdkemiskinan.sla.WorkCalendar;

/**
 * The verval's due time: {@code days} days after the proposal, counted on an SLA
 * calendar. On 24/7 that is {@code days} × 24 hours. On a working-hours calendar it is
 * {@code days} working days: a proposal made in open hours is due at the same time of day
 * on the {@code days}-th open day after (never on a closed weekday or a holiday; within
 * that day's hours); one made outside open hours counts from the next opening. Pure Java.
 */
final class VervalClock {

	/** The most days a due time may reach past its start (ten years): a guard. */
	private static final int MAX_DAYS = 3660;

	private VervalClock() {
	}

	static Instant dueAt(Instant start, int days, WorkCalendar calendar) {
		if (days < 1) {
			throw new IllegalArgumentException("at least one day");
		}
		if (calendar.isAlways()) {
			return start.plus(Duration.ofDays(days));
		}
		Map<DayOfWeek, WorkCalendar.Hours> hours = calendar.openHours();
		// The first open instant at or after the start (never a closing instant).
		Instant from = calendar.addOpenTime(start, Duration.ZERO);
		ZonedDateTime at = from.atZone(calendar.zone());
		LocalDate date = at.toLocalDate();
		LocalTime time = at.toLocalTime();
		int left = days;
		for (int step = 0; step < MAX_DAYS && left > 0; step++) {
			date = date.plusDays(1);
			if (open(date, hours, calendar)) {
				left--;
			}
		}
		if (left > 0) {
			throw new IllegalArgumentException("the calendar has no open day within " + MAX_DAYS + " days");
		}
		WorkCalendar.Hours due = hours.get(date.getDayOfWeek());
		LocalTime dueTime = time.isBefore(due.open()) ? due.open() : time.isAfter(due.close()) ? due.close() : time;
		return LocalDateTime.of(date, dueTime).atZone(calendar.zone()).toInstant();
	}

	private static boolean open(LocalDate date, Map<DayOfWeek, WorkCalendar.Hours> hours, WorkCalendar calendar) {
		return hours.containsKey(date.getDayOfWeek()) && !calendar.holidays().contains(date);
	}

}
