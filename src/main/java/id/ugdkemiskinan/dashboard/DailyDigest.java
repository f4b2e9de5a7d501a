package id.ugdkemiskinan.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One day's figures for the leadership's daily digest ({@link DailyDigests}), by the
 * dashboard's definitions ({@link DashboardFigures}) for the assignments due that day.
 *
 * @param day the day, in the kabupaten's zone
 * @param onTime responded at or before due
 * @param late responded after due
 * @param overdueOpen not responded and past due
 * @param compliance {@code onTime / (onTime + late + returned + overdueOpen)}, the
 * dashboard's figure for a one-day period; {@code null} when nothing was counted
 * @param byDinas the dinas with breaches that day, worst first
 * @param oldest the ten oldest breaches still waiting for a response (any day), oldest
 * first
 * @param returned returned to the secretariat (never on time)
 * @param returnedLate of which after the due time (a breach)
 */
public record DailyDigest(LocalDate day, long onTime, long late, long overdueOpen, @Nullable Double compliance,
		List<DinasBreaches> byDinas, List<OpenBreach> oldest, long returned, long returnedLate) {

	/**
	 * The day's breaches: late responses, late returns and assignments still waiting past
	 * due.
	 */
	public long breaches() {
		return this.late + this.returnedLate + this.overdueOpen;
	}

	/**
	 * A dinas's breaches that day.
	 *
	 * @param breaches assignments due that day not responded on time (late + overdue
	 * open)
	 * @param open of which still unanswered now
	 */
	public record DinasBreaches(String dinasCode, String dinasName, long breaches, long open) {
	}

	/**
	 * A breach still waiting for a response.
	 *
	 * @param overdue how long past due at the time the digest was made
	 */
	public record OpenBreach(String ticket, String dinasCode, String dinasName, Instant dueAt, Duration overdue) {
	}

}
