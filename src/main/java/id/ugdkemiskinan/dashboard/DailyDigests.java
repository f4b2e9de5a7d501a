package id.ugdkemiskinan.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.common.TimeProperties;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.instant;
import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * The figures of the leadership's daily digest, in two statements over the raw tables:
 * the day's counts in total and by dinas (the predicates of
 * {@link RawFigures#responseHistogram} and {@link RawFigures#waiting}, compliance by
 * {@link DashboardFigures#compliance}, so the digest and the dashboard's one-day figure
 * agree), and the oldest open breaches (those of the breach board).
 */
@Component
@Transactional(readOnly = true)
public class DailyDigests {

	/** How many open breaches the digest lists. */
	public static final int OLDEST = 10;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	DailyDigests(JdbcClient jdbc, Clock clock, TimeProperties time) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = time.zone();
	}

	/**
	 * The day's digest (the day in the kabupaten's zone); what is still waiting is
	 * counted against now.
	 */
	public DailyDigest of(LocalDate day) {
		Instant now = this.clock.instant();
		Map<String, Object> params = new HashMap<>();
		params.put("now", utc(now));
		List<RawFigures.Span> spans = List.of(new RawFigures.Span(day.atStartOfDay(this.zone).toInstant(),
				day.plusDays(1).atStartOfDay(this.zone).toInstant()));
		long[] total = new long[5];
		List<DailyDigest.DinasBreaches> byDinas = new ArrayList<>();
		// On time and late: responded, neither cancelled nor returned; returned apart;
		// overdue open: waiting and past due (the dashboard's definitions). One row per
		// dinas with an assignment due that
		// day, and the total (the empty grouping set, present even without any).
		this.jdbc.sql("""
				SELECT GROUPING(a.dinas_code) = 1 AS total, a.dinas_code, d.name AS dinas_name,
				       count(*) FILTER (WHERE a.responded_at <= a.due_at AND a.status <> 'DIKEMBALIKAN') AS on_time,
				       count(*) FILTER (WHERE a.responded_at > a.due_at AND a.status <> 'DIKEMBALIKAN') AS late,
				       count(*) FILTER (WHERE a.status = 'DIKEMBALIKAN') AS returned,
				       count(*) FILTER (WHERE a.status = 'DIKEMBALIKAN' AND a.responded_at > a.due_at) AS returned_late,
				       count(*) FILTER (WHERE a.status = 'MENUNGGU_RESPON' AND a.due_at < :now) AS overdue
				FROM assignment a JOIN dinas d ON d.code = a.dinas_code
				WHERE a.status <> 'DIBATALKAN' AND\s""" + RawFigures.within("a.due_at", spans, params) + """

				GROUP BY GROUPING SETS ((a.dinas_code, d.name), ())""")
			.params(params)
			.query((RowCallbackHandler) rs -> {
				long onTime = rs.getLong("on_time");
				long late = rs.getLong("late");
				long overdue = rs.getLong("overdue");
				long returnedLate = rs.getLong("returned_late");
				if (rs.getBoolean("total")) {
					total[0] = onTime;
					total[1] = late;
					total[2] = overdue;
					total[3] = rs.getLong("returned");
					total[4] = returnedLate;
				}
				else if (late + returnedLate + overdue > 0) {
					byDinas.add(new DailyDigest.DinasBreaches(rs.getString("dinas_code"), rs.getString("dinas_name"),
							late + returnedLate + overdue, overdue));
				}
			});
		byDinas.sort(java.util.Comparator.comparingLong(DailyDigest.DinasBreaches::breaches)
			.thenComparingLong(DailyDigest.DinasBreaches::open)
			.reversed()
			.thenComparing(DailyDigest.DinasBreaches::dinasName));
		List<DailyDigest.OpenBreach> oldest = this.jdbc.sql("""
				SELECT c.ticket, a.dinas_code, d.name AS dinas_name, a.due_at
				FROM assignment a JOIN case_file c ON c.id = a.case_id JOIN dinas d ON d.code = a.dinas_code
				WHERE a.status = 'MENUNGGU_RESPON' AND a.due_at < :now
				ORDER BY a.due_at, a.id LIMIT :limit""")
			.param("now", utc(now))
			.param("limit", OLDEST)
			.query((rs, n) -> {
				Instant due = instant(rs, "due_at");
				return new DailyDigest.OpenBreach(rs.getString("ticket"), rs.getString("dinas_code"),
						rs.getString("dinas_name"), due, Duration.between(due, now));
			})
			.list();
		return new DailyDigest(day, total[0], total[1], total[2],
				DashboardFigures.compliance(total[0], total[1], total[3], total[2]), List.copyOf(byDinas), oldest,
				total[3], total[4]);
	}

}
