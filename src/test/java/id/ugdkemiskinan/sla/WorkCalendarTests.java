package id.ugdkemiskinan.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The due-time engine on its own: only open hours count, in the calendar's zone.
 */
class WorkCalendarTests {

	static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

	static final Duration FOUR_HOURS = Duration.ofHours(4);

	// 2026-12-04 is a Friday, 2026-12-07 a Monday.
	static WorkCalendar office(ZoneId zone, LocalDate... holidays) {
		Map<DayOfWeek, WorkCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : new DayOfWeek[] { DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
				DayOfWeek.THURSDAY, DayOfWeek.FRIDAY }) {
			hours.put(day, new WorkCalendar.Hours(LocalTime.of(7, 30), LocalTime.of(16, 0)));
		}
		return WorkCalendar.workingHours(zone, hours, Set.of(holidays));
	}

	static Instant wib(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
	}

	@Test
	void alwaysOpenAddsTheTimeAsIs() {
		WorkCalendar always = WorkCalendar.always(WIB);
		assertThat(always.dueAt(wib("2026-12-04T15:00"), FOUR_HOURS)).isEqualTo(wib("2026-12-04T19:00"));
		assertThat(always.atRiskFrom(wib("2026-12-04T15:00"), FOUR_HOURS, 0.75)).isEqualTo(wib("2026-12-04T18:00"));
	}

	@Test
	void fridayAfternoonRunsOverTheWeekendToMonday() {
		assertThat(office(WIB).dueAt(wib("2026-12-04T15:00"), FOUR_HOURS)).isEqualTo(wib("2026-12-07T10:30"));
	}

	@Test
	void aHolidayMondayMovesItToTuesday() {
		assertThat(office(WIB, LocalDate.parse("2026-12-07")).dueAt(wib("2026-12-04T15:00"), FOUR_HOURS))
			.isEqualTo(wib("2026-12-08T10:30"));
	}

	@Test
	void aStartOnAHolidayCountsFromTheNextOpening() {
		assertThat(office(WIB, LocalDate.parse("2026-12-07")).dueAt(wib("2026-12-07T09:00"), FOUR_HOURS))
			.isEqualTo(wib("2026-12-08T11:30"));
	}

	@Test
	void aStartBeforeOpeningOrAfterClosingCountsFromTheNextOpening() {
		assertThat(office(WIB).dueAt(wib("2026-12-08T05:00"), FOUR_HOURS)).isEqualTo(wib("2026-12-08T11:30"));
		assertThat(office(WIB).dueAt(wib("2026-12-08T16:00"), FOUR_HOURS)).isEqualTo(wib("2026-12-09T11:30"));
		assertThat(office(WIB).dueAt(wib("2026-12-05T10:00"), FOUR_HOURS)).isEqualTo(wib("2026-12-07T11:30"));
	}

	@Test
	void anEndExactlyAtClosingIsTheClosingInstant() {
		assertThat(office(WIB).dueAt(wib("2026-12-08T12:00"), FOUR_HOURS)).isEqualTo(wib("2026-12-08T16:00"));
	}

	@Test
	void aLongResponseTimeSpansSeveralDaysAndAWeekend() {
		// 20 h = 8.5 (Thu from 07.30) + 8.5 (Fri) + 3 (Mon).
		assertThat(office(WIB).dueAt(wib("2026-12-03T07:30"), Duration.ofHours(20))).isEqualTo(wib("2026-12-07T10:30"));
	}

	@Test
	void theAtRiskInstantCountsOpenTimeToo() {
		// 75 % of 2 h = 1.5 h: 1 h on Friday, 30 min on Monday.
		assertThat(office(WIB).atRiskFrom(wib("2026-12-04T15:00"), Duration.ofHours(2), 0.75))
			.isEqualTo(wib("2026-12-07T08:00"));
		assertThat(office(WIB).dueAt(wib("2026-12-04T15:00"), Duration.ofHours(2))).isEqualTo(wib("2026-12-07T08:30"));
	}

	@Test
	void theZoneIsTheCalendarsAndDaylightSavingTimeIsHandled() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		// Friday 2026-03-27 15.00 CET; the clocks move forward on Sunday; Monday 10.30 is
		// CEST.
		Instant start = LocalDateTime.parse("2026-03-27T15:00").atZone(berlin).toInstant();
		assertThat(office(berlin).dueAt(start, FOUR_HOURS))
			.isEqualTo(LocalDateTime.parse("2026-03-30T10:30").atZone(berlin).toInstant());
		// Same local times in WIB are seven hours ahead of UTC.
		assertThat(office(WIB).dueAt(Instant.parse("2026-12-04T08:00:00Z"), FOUR_HOURS))
			.isEqualTo(Instant.parse("2026-12-07T03:30:00Z"));
	}

	@Test
	void badCalendarsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkCalendar.workingHours(WIB, Map.of(), Set.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WorkCalendar.Hours(LocalTime.of(16, 0), LocalTime.of(7, 30)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> office(WIB).atRiskFrom(wib("2026-12-04T15:00"), FOUR_HOURS, 1.0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> office(WIB).dueAt(wib("2026-12-04T15:00"), Duration.ofHours(-1)));
	}

	@Test
	void aCalendarWhoseOnlyOpenDaysAreAllHolidaysFailsInsteadOfLooping() {
		Map<DayOfWeek, WorkCalendar.Hours> mondays = Map.of(DayOfWeek.MONDAY,
				new WorkCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(9, 0)));
		LocalDate[] all = new LocalDate[600];
		LocalDate monday = LocalDate.parse("2026-12-07");
		for (int i = 0; i < all.length; i++) {
			all[i] = monday.plusWeeks(i);
		}
		WorkCalendar calendar = WorkCalendar.workingHours(WIB, mondays, Set.of(all));
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.dueAt(wib("2026-12-04T15:00"), FOUR_HOURS));
	}

}
