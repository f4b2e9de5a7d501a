package id.ugdkemiskinan.sla.admin;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The iCalendar reader on its own: all-day events only, careful with bad files. */
class IcsHolidaysTests {

	static byte[] ics(String events) {
		return ("BEGIN:VCALENDAR\nVERSION:2.0\n" + events + "END:VCALENDAR\n").getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void readsAllDayEventsWithLfLineEndsAndABom() throws Exception {
		byte[] file = ("\uFEFF"
				+ new String(
						ics("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270817\nSUMMARY:HUT RI\nEND:VEVENT\n"
								+ "BEGIN:VEVENT\nDTSTART:20270818\nSUMMARY:Tanpa VALUE\nEND:VEVENT\n"),
						StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.UTF_8);
		assertThat(IcsHolidays.parse(file)).containsExactly(
				new IcsHolidays.Holiday(LocalDate.of(2027, 8, 17), "HUT RI"),
				new IcsHolidays.Holiday(LocalDate.of(2027, 8, 18), "Tanpa VALUE"));
	}

	@Test
	void refusesWhatIsNotAnICalendarFile() {
		assertThatExceptionOfType(IcsHolidays.InvalidIcsException.class)
			.isThrownBy(() -> IcsHolidays.parse(ics("BEGIN:VEVENT\nBEGIN:VEVENT\nEND:VEVENT\n")));
		assertThatExceptionOfType(IcsHolidays.InvalidIcsException.class)
			.isThrownBy(() -> IcsHolidays
				.parse(ics("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20280101\nEND:VEVENT\n")))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("calendar.ics.invalid"));
		assertThatExceptionOfType(IcsHolidays.InvalidIcsException.class)
			.isThrownBy(() -> IcsHolidays.parse(new byte[IcsHolidays.MAX_BYTES + 1]))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("calendar.ics.tooLarge"));
		assertThatExceptionOfType(IcsHolidays.InvalidIcsException.class)
			.isThrownBy(() -> IcsHolidays.parse(new byte[] { (byte) 0xC3, (byte) 0x28 }))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("calendar.ics.invalid"));
	}

}
