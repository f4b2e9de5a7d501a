package id.ugdkemiskinan.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import id.ugdkemiskinan.sla.WorkCalendar;

/**
 * Benchmark (not a test) of the due-time engine: the time of one due-time plus at-risk
 * computation over a Monday–Friday 07.30–16.00 calendar with two years of holidays (30 a
 * year), starts spread over every hour of two weeks. Goal: under 50 µs a call. Run it
 * with
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=id.ugdkemiskinan.bench.DueTimeBenchmark</pre>
 */
public final class DueTimeBenchmark {

	private DueTimeBenchmark() {
	}

	public static void main(String[] args) {
		ZoneId zone = ZoneId.of("Asia/Jakarta");
		Map<DayOfWeek, WorkCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
		for (int d = 1; d <= 5; d++) {
			hours.put(DayOfWeek.of(d), new WorkCalendar.Hours(LocalTime.of(7, 30), LocalTime.of(16, 0)));
		}
		Set<LocalDate> holidays = new HashSet<>();
		for (int i = 0; i < 60; i++) {
			holidays.add(LocalDate.of(2026, 1, 1).plusDays(i * 12L));
		}
		WorkCalendar calendar = WorkCalendar.workingHours(zone, hours, holidays);
		Instant base = Instant.parse("2026-06-01T00:00:00Z");
		Instant[] starts = new Instant[336];
		for (int i = 0; i < starts.length; i++) {
			starts[i] = base.plusSeconds(i * 3600L + 137);
		}
		Duration response = Duration.ofHours(4);
		long sink = 0;
		for (int i = 0; i < 200_000; i++) {
			Instant s = starts[i % starts.length];
			sink += calendar.dueAt(s, response).getEpochSecond() + calendar.atRiskFrom(s, response, 0.75).getNano();
		}
		int rounds = 20;
		int perRound = 100_000;
		double[] micros = new double[rounds];
		for (int r = 0; r < rounds; r++) {
			long t = System.nanoTime();
			for (int i = 0; i < perRound; i++) {
				Instant s = starts[i % starts.length];
				sink += calendar.dueAt(s, response).getEpochSecond() + calendar.atRiskFrom(s, response, 0.75).getNano();
			}
			micros[r] = (System.nanoTime() - t) / 1e3 / perRound;
		}
		Arrays.sort(micros);
		System.out.printf("due time + at-risk over a working-hours calendar: p50 %.3f µs, max %.3f µs a call "
				+ "(goal < 50 µs) [%d]%n", micros[rounds / 2], micros[rounds - 1], sink % 10);
	}

}
