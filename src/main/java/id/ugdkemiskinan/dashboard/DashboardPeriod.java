package id.ugdkemiskinan.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The period choices of the dashboard: today, 7 or 30 days, this month, or from/to (defaults to 30 days). */
final class DashboardPeriod {

	private DashboardPeriod() {
	}

	static LocalDate[] resolve(String period, LocalDate from, LocalDate to, Clock clock, ZoneId zone) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		if (from != null || to != null) {
			LocalDate start = from != null ? from : (to != null ? to : today);
			LocalDate end = to != null ? to : today;
			return start.isAfter(end) ? new LocalDate[] { end, start } : new LocalDate[] { start, end };
		}
		return switch (period == null ? "30d" : period) {
			case "today" -> new LocalDate[] { today, today };
			case "7d" -> new LocalDate[] { today.minusDays(6), today };
			case "month" -> new LocalDate[] { today.withDayOfMonth(1), today };
			default -> new LocalDate[] { today.minusDays(29), today };
		};
	}

}
