package id.ugdkemiskinan.dashboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.common.TimeProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * Builds the dashboard's roll-up: for every day, week (from Monday) and month that has
 * ended (in the kabupaten's zone), the response-time histograms, the overdue assignments
 * and (for days) the counts that {@link RawFigures} computes, stored in
 * {@code dashboard_response} (and summed by {@link #BUCKET_MINUTES}-minute bucket in
 * {@code dashboard_response_bucket}), {@code dashboard_overdue} and
 * {@code dashboard_day}. A span that has ended has no pending assignment: every one still
 * waiting is overdue (returned ones are counted apart beside them), and stays so until a
 * response or cancellation marks the span dirty. A span is built first
 * {@code ugd.dashboard.rollup-grace} after its row appears (so no transaction that
 * changed it before the row existed is still running), and rebuilt at the next run after
 * the triggers marked it dirty. Everything is stored for every dinas together and for
 * each dinas alone (its staff's view). Readers use only clean spans; everything else
 * comes from the raw tables, so the figures never lag. Several instances may run this at
 * once: a span being rebuilt is locked and skipped by the others.
 */
@Component
class DashboardRollups {

	/**
	 * Width of the buckets of {@code dashboard_response_bucket}, in minutes (as V8 filled
	 * it).
	 */
	static final int BUCKET_MINUTES = 16;

	static final char DAY = 'D';

	static final char WEEK = 'W';

	static final char MONTH = 'M';

	/**
	 * The scope of the figures of every dinas together; each dinas's own figures have its
	 * code.
	 */
	static final String ALL_DINAS = "";

	/**
	 * After building this many spans in one run, the roll-up tables are analysed at once.
	 */
	private static final int BULK_BUILD = 28;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ZoneId zone;

	private final Duration grace;

	DashboardRollups(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, TimeProperties time,
			DashboardProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.zone = time.zone();
		this.grace = properties.rollupGrace();
	}

	/** A rolled-up day, week or month. */
	record Span(char grain, Instant start, Instant end) {

		RawFigures.Span time() {
			return new RawFigures.Span(this.start, this.end);
		}

	}

	/**
	 * Notices the days, weeks and months that have ended and (re)builds those that are
	 * due.
	 * @return the number of spans built
	 */
	int refresh() {
		Instant now = this.clock.instant();
		notice(now);
		List<Span> due = this.jdbc.sql("""
				SELECT grain, span_start, span_end FROM dashboard_span
				WHERE (built_at IS NULL AND noticed_at <= :ready) OR (built_at IS NOT NULL AND dirty)
				ORDER BY grain, span_start""")
			.param("ready", utc(now.minus(this.grace)))
			.query((rs, n) -> span(rs.getString("grain"), rs.getObject("span_start", OffsetDateTime.class),
					rs.getObject("span_end", OffsetDateTime.class)))
			.list();
		List<String> scopes = new ArrayList<>(List.of(ALL_DINAS));
		scopes.addAll(this.jdbc.sql("SELECT code FROM dinas ORDER BY code").query(String.class).list());
		int built = 0;
		for (Span span : due) {
			if (Boolean.TRUE.equals(this.transactions.execute(status -> build(span, scopes, now)))) {
				built++;
			}
		}
		if (built >= BULK_BUILD) {
			// A first build fills the tables at once; readers' plans need statistics
			// before autovacuum gets there.
			this.jdbc.sql(
					"ANALYZE dashboard_span, dashboard_response, dashboard_response_bucket, dashboard_overdue, dashboard_day")
				.update();
		}
		return built;
	}

	/** Clean, built spans lying wholly inside {@code [from, to)}, by start. */
	List<Span> clean(Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT grain, span_start, span_end FROM dashboard_span
				WHERE built_at IS NOT NULL AND NOT dirty AND span_start >= :from AND span_end <= :to
				ORDER BY span_start, grain DESC""")
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs, n) -> span(rs.getString("grain"), rs.getObject("span_start", OffsetDateTime.class),
					rs.getObject("span_end", OffsetDateTime.class)))
			.list();
	}

	/**
	 * Adds a row for every ended day, week and month since the first case or assignment.
	 */
	private void notice(Instant now) {
		OffsetDateTime first = this.jdbc.sql("""
				SELECT least((SELECT min(filed_at) FROM case_file), (SELECT min(due_at) FROM assignment))""")
			.query(OffsetDateTime.class)
			.optional()
			.orElse(null);
		if (first == null) {
			return;
		}
		LocalDate firstDay = first.atZoneSameInstant(this.zone).toLocalDate();
		LocalDate today = now.atZone(this.zone).toLocalDate();
		noticeSpans(DAY, "1 day", firstDay, today.minusDays(1), now);
		noticeSpans(WEEK, "1 week", firstDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
				today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1), now);
		noticeSpans(MONTH, "1 month", firstDay.withDayOfMonth(1), today.withDayOfMonth(1).minusMonths(1), now);
	}

	/**
	 * Adds the rows of the spans of one grain starting from {@code first} to {@code last}
	 * (local dates).
	 */
	private void noticeSpans(char grain, String length, LocalDate first, LocalDate last, Instant now) {
		this.jdbc
			.sql("""
					INSERT INTO dashboard_span (grain, span_start, span_end, noticed_at)
					SELECT :grain, s::timestamp AT TIME ZONE :zone, (s + CAST(:length AS interval))::timestamp AT TIME ZONE :zone, :now
					FROM generate_series(CAST(:first AS date), CAST(:last AS date), CAST(:length AS interval)) s
					ON CONFLICT DO NOTHING""")
			.param("grain", String.valueOf(grain))
			.param("length", length)
			.param("zone", this.zone.getId())
			.param("now", utc(now))
			.param("first", first.toString())
			.param("last", last.toString())
			.update();
	}

	/**
	 * Rebuilds one span. Its row is locked first, so a writer that marks it dirty either
	 * committed before (and the statements below see its change) or waits and marks it
	 * dirty again after.
	 */
	private boolean build(Span span, List<String> scopes, Instant now) {
		Map<String, Object> params = new HashMap<>();
		params.put("grain", String.valueOf(span.grain()));
		params.put("start", utc(span.start()));
		params.put("now", utc(now));
		params.put("zone", this.zone.getId());
		boolean locked = this.jdbc.sql("""
				SELECT span_start FROM dashboard_span
				WHERE grain = :grain AND span_start = :start AND (built_at IS NULL OR dirty)
				FOR UPDATE SKIP LOCKED""").params(params).query(OffsetDateTime.class).optional().isPresent();
		if (!locked) {
			return false;
		}
		this.jdbc.sql(
				"UPDATE dashboard_span SET dirty = false, built_at = :now WHERE grain = :grain AND span_start = :start")
			.params(params)
			.update();
		this.jdbc.sql("DELETE FROM dashboard_response WHERE grain = :grain AND span_start = :start")
			.params(params)
			.update();
		this.jdbc.sql("DELETE FROM dashboard_response_bucket WHERE grain = :grain AND span_start = :start")
			.params(params)
			.update();
		this.jdbc.sql("DELETE FROM dashboard_overdue WHERE grain = :grain AND span_start = :start")
			.params(params)
			.update();
		this.jdbc.sql("DELETE FROM dashboard_day WHERE grain = :grain AND span_start = :start").params(params).update();
		List<RawFigures.Span> time = List.of(span.time());
		for (String scope : scopes) {
			DashboardFilter filter = new DashboardFilter(null, null, null, scope.equals(ALL_DINAS) ? null : scope,
					null);
			params.put("scope", scope);
			params.put("dinas", filter.dinas());
			this.jdbc.sql(
					"INSERT INTO dashboard_response (grain, span_start, scope, dimension, code, minutes, on_time, late)\n"
							+ "SELECT :grain, :start, :scope, h.* FROM ("
							+ RawFigures.responseHistogram(time, filter, params) + ") h")
				.params(params)
				.update();
			this.jdbc.sql(
					"INSERT INTO dashboard_response (grain, span_start, scope, dimension, code, minutes, on_time, late)\n"
							+ "SELECT :grain, :start, :scope, h.* FROM ("
							+ RawFigures.waitHistogram(time, List.of(), true, filter, params) + ") h")
				.params(params)
				.update();
			this.jdbc
				.sql("""
						INSERT INTO dashboard_response_bucket (grain, span_start, scope, dimension, code, bucket, on_time, late)
						SELECT grain, span_start, scope, dimension, code, minutes / :bucket, sum(on_time), sum(late)
						FROM dashboard_response WHERE grain = :grain AND span_start = :start AND scope = :scope
						GROUP BY 1, 2, 3, 4, 5, 6""")
				.params(params)
				.param("bucket", BUCKET_MINUTES)
				.update();
			this.jdbc
				.sql("INSERT INTO dashboard_overdue (grain, span_start, scope, dimension, code, overdue, returned, returned_late)\n"
						+ "SELECT :grain, :start, :scope, w.dimension, w.code, w.overdue, w.returned, w.returned_late FROM ("
						+ RawFigures.waiting(time, filter, params) + ") w")
				.params(params)
				.update();
			if (span.grain() == DAY) {
				this.jdbc
					.sql("""
							INSERT INTO dashboard_day (span_start, scope, day, filed, open, resolved, closed, on_time, late, overdue,
							    returned, returned_late)
							SELECT :start, :scope, d.day, d.filed, d.open, d.resolved, d.closed, d.on_time, d.late, d.overdue,
							       d.returned, d.returned_late FROM ("""
							+ RawFigures.days(time, filter, params) + ") d")
					.params(params)
					.update();
			}
		}
		return true;
	}

	private static Span span(String grain, OffsetDateTime start, OffsetDateTime end) {
		return new Span(grain.charAt(0), start.toInstant(), end.toInstant());
	}

}
