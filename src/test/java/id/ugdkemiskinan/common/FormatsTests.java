package id.ugdkemiskinan.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

	private final Formats formats = new Formats(new TimeProperties(ZoneId.of("Asia/Jakarta")));

	@Test
	void timesReadInWib() {
		assertThat(this.formats.dateTime(Instant.parse("2026-11-23T07:05:00Z"))).isEqualTo("23 Nov 2026 14.05");
		assertThat(this.formats.dateTime(Instant.parse("2026-08-17T03:00:00Z"))).isEqualTo("17 Agu 2026 10.00");
		assertThat(this.formats.weekdayDateTime(Instant.parse("2026-12-07T01:30:00Z")))
			.isEqualTo("Senin, 7 Des 2026 08.30");
	}

	@Test
	void durationsReadInHoursAndMinutes() {
		assertThat(this.formats.duration(Duration.ofMinutes(135))).isEqualTo("2 j 15 m");
		assertThat(this.formats.duration(Duration.ofMinutes(65))).isEqualTo("1 j 05 m");
		assertThat(this.formats.duration(Duration.ofMinutes(40))).isEqualTo("40 m");
	}

	@Test
	void durationsOverADayReadInDays() {
		assertThat(this.formats.duration(Duration.ofHours(76).plusMinutes(12))).isEqualTo("3 hari 4 j");
		assertThat(this.formats.duration(Duration.ofHours(23).plusMinutes(59))).isEqualTo("23 j 59 m");
		assertThat(this.formats.duration(Duration.ofHours(48))).isEqualTo("2 hari");
		assertThat(this.formats.duration(Duration.ofDays(1500))).isEqualTo("1.500 hari");
	}

	@Test
	void fileSizesUseIndonesianDecimalCommas() {
		assertThat(this.formats.fileSize(850)).isEqualTo("850 B");
		assertThat(this.formats.fileSize(12_800)).isEqualTo("12,5 KB");
		assertThat(this.formats.fileSize(3_355_443)).isEqualTo("3,2 MB");
	}

}
