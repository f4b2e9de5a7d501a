package id.ugdkemiskinan.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * The dashboard's figures, by the definitions shown on the page ("cara menghitung"):
 * assignments whose due time falls in the period, cancelled ones excluded; on time =
 * responded at or before due; late = responded after due; overdue open = not responded
 * and past due; pending = not responded and not yet due; compliance = onTime / (onTime +
 * late + overdueOpen), {@code null} when that is 0.
 */
public record DashboardFigures(LocalDate from, LocalDate to, long filed, long open, long resolved, long closed,
		long onTime, long late, long overdueOpen, long pending, Double compliance, Double responseMinutesMedian,
		Double responseMinutesP90, long breachedNow, long atRiskNow, List<Group> byDinas, List<Group> byKecamatan,
		List<Group> byCategory, List<Day> daily) {

	/** The same figures for one dinas, kecamatan or category. */
	public record Group(String code, String name, long onTime, long late, long overdueOpen, long pending,
			Double compliance, Double responseMinutesMedian) {
	}

	/** One day of the trend (in the kabupaten's zone). */
	public record Day(LocalDate date, long filed, long onTime, long late, long breached) {
	}

	static Double compliance(long onTime, long late, long overdueOpen) {
		long counted = onTime + late + overdueOpen;
		return counted == 0 ? null : (double) onTime / counted;
	}

}
