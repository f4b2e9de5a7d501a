package id.ugdkemiskinan.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * The dashboard's figures, by the definitions shown on the page ("cara menghitung"):
 * assignments whose due time falls in the period, cancelled ones excluded; on time =
 * responded at or before due; late = responded after due; returned = returned to the
 * secretariat (its own outcome, never on time; returned late = its clock stopped after
 * due); overdue open = not responded and past due; pending = not responded and not yet
 * due; compliance = onTime / (onTime + late + returned + overdueOpen), {@code null} when
 * that is 0. The resident's wait ({@link ResidentWait}) is per case, for the cases filed
 * in the period.
 */
public record DashboardFigures(LocalDate from, LocalDate to, long filed, long open, long resolved, long closed,
		long onTime, long late, long overdueOpen, long pending, Double compliance, Double responseMinutesMedian,
		Double responseMinutesP90, long breachedNow, long atRiskNow, List<Group> byDinas, List<Group> byKecamatan,
		List<Group> byCategory, List<Day> daily, long returned, long returnedLate, ResidentWait residentWait) {

	/** The same figures for one dinas, kecamatan or category. */
	public record Group(String code, String name, long onTime, long late, long overdueOpen, long pending,
			Double compliance, Double responseMinutesMedian, long returned, long returnedLate) {
	}

	/** One day of the trend (in the kabupaten's zone); breached counts late returns. */
	public record Day(LocalDate date, long filed, long onTime, long late, long breached, long returned) {
	}

	/**
	 * The resident's wait over the cases filed in the period, from filing to the first
	 * written response of a dinas (not the secretariat's triage or routing, not a
	 * return), in whole minutes: median and 90th percentile (exactly as
	 * {@code percentile_cont}) over the cases answered and the open cases still waiting
	 * (their wait so far, to now), rolled up with the response times (dimension
	 * {@code W}; the waiting ones always read raw); cases that ended without any answer
	 * of a dinas (rejected, or every assignment cancelled) are left out.
	 *
	 * @param cases the cases counted
	 * @param stillWaiting of which still without a first response (counted to now)
	 */
	public record ResidentWait(long cases, long stillWaiting, Double minutesMedian, Double minutesP90) {
	}

	/** Returned assignments count as not on time: "never an on-time response". */
	static Double compliance(long onTime, long late, long returned, long overdueOpen) {
		long counted = onTime + late + returned + overdueOpen;
		return counted == 0 ? null : (double) onTime / counted;
	}

}
