package id.ugdkemiskinan.residents.proposals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import id.ugdkemiskinan.sla.WorkCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verval's due time, pure Java: days of 24 hours on 24/7, working days on a
 * working-hours calendar (Monday 7 Dec 2026 is a Monday).
 */
class VervalClockTests {

	static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

	static final WorkCalendar OFFICE = office(Set.of(), Map.of());

	@Test
	void onTwentyFourSevenTwoDaysAreFortyEightHours() {
		Instant start = at("2026-12-05T22:10");
		assertThat(VervalClock.dueAt(start, 2, WorkCalendar.always(WIB))).isEqualTo(at("2026-12-07T22:10"));
	}

	@Test
	void inOpenHoursTheSameTimeTwoWorkingDaysLater() {
		assertThat(VervalClock.dueAt(at("2026-12-07T10:00"), 2, OFFICE)).isEqualTo(at("2026-12-09T10:00"));
		// Friday afternoon: Monday and Tuesday.
		assertThat(VervalClock.dueAt(at("2026-12-11T15:00"), 2, OFFICE)).isEqualTo(at("2026-12-15T15:00"));
	}

	@Test
	void outsideOpenHoursFromTheNextOpening() {
		// Saturday, and Friday after closing: counted from Monday 07.30, two full days.
		assertThat(VervalClock.dueAt(at("2026-12-12T09:00"), 2, OFFICE)).isEqualTo(at("2026-12-16T07:30"));
		assertThat(VervalClock.dueAt(at("2026-12-11T17:00"), 2, OFFICE)).isEqualTo(at("2026-12-16T07:30"));
		// Before opening on a weekday: from that day's opening.
		assertThat(VervalClock.dueAt(at("2026-12-07T06:00"), 1, OFFICE)).isEqualTo(at("2026-12-08T07:30"));
	}

	@Test
	void holidaysAreSkippedAndAShorterDayEndsAtItsClosing() {
		WorkCalendar withHoliday = office(Set.of(LocalDate.parse("2026-12-14")), Map.of());
		assertThat(VervalClock.dueAt(at("2026-12-11T15:00"), 2, withHoliday)).isEqualTo(at("2026-12-16T15:00"));
		WorkCalendar shortWednesday = office(Set.of(),
				Map.of(DayOfWeek.WEDNESDAY, new WorkCalendar.Hours(LocalTime.of(7, 30), LocalTime.of(12, 0))));
		assertThat(VervalClock.dueAt(at("2026-12-07T15:00"), 2, shortWednesday)).isEqualTo(at("2026-12-09T12:00"));
	}

	@Test
	void atLeastOneDay() {
		assertThatThrownBy(() -> VervalClock.dueAt(at("2026-12-07T10:00"), 0, OFFICE))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(WIB).toInstant();
	}

	private static WorkCalendar office(Set<LocalDate> holidays, Map<DayOfWeek, WorkCalendar.Hours> other) {
		Map<DayOfWeek, WorkCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
		for (int d = 1; d <= 5; d++) {
			hours.put(DayOfWeek.of(d), new WorkCalendar.Hours(LocalTime.of(7, 30), LocalTime.of(16, 0)));
		}
		hours.putAll(other);
		return WorkCalendar.workingHours(WIB, hours, holidays);
	}

}
