package id.ugdkemiskinan.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.config.UgdProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the dashboard's monthly roll-up: for every month that has ended (in the kabupaten's zone),
 * the response-time histograms and the per-day counts that {@link RawFigures} computes, stored in
 * {@code dashboard_month_response} and {@code dashboard_day}. A month is built first
 * {@code ugd.dashboard.rollup-grace} after its row appears (so no transaction that changed it before
 * the row existed is still running), and rebuilt at the next run after the triggers marked it dirty. Readers
 * use only clean months; everything else comes from the raw tables, so the figures never lag.
 * Several instances may run this at once: a month being rebuilt is locked and skipped by the others.
 */
@Component
class DashboardRollups {

	private static final Logger log = LoggerFactory.getLogger(DashboardRollups.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ZoneId zone;

	private final Duration grace;

	DashboardRollups(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, UgdProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.zone = properties.zone();
		this.grace = properties.dashboard().rollupGrace();
	}

	/** A rolled-up month that readers may use. */
	record Month(Instant start, Instant end) {
	}

	/**
	 * Notices the months that have ended and (re)builds those that are due.
	 * @return the number of months built
	 */
	int refresh() {
		Instant now = this.clock.instant();
		notice(now);
		List<Month> due = this.jdbc.sql("""
				SELECT month_start, month_end FROM dashboard_month
				WHERE (built_at IS NULL AND noticed_at <= :ready) OR (built_at IS NOT NULL AND dirty) ORDER BY month_start""")
			.param("ready", utc(now.minus(this.grace)))
			.query((rs, n) -> new Month(rs.getObject("month_start", OffsetDateTime.class).toInstant(),
					rs.getObject("month_end", OffsetDateTime.class).toInstant()))
			.list();
		int built = 0;
		for (Month month : due) {
			long started = System.nanoTime();
			if (Boolean.TRUE.equals(this.transactions.execute(status -> build(month, now)))) {
				built++;
				log.debug("Dashboard roll-up of {} built in {} ms", month.start(), (System.nanoTime() - started) / 1_000_000);
			}
		}
		return built;
	}

	/** Clean, built months lying wholly inside {@code [from, to)}. */
	List<Month> cleanMonths(Instant from, Instant to) {
		return this.jdbc.sql("""
				SELECT month_start, month_end FROM dashboard_month
				WHERE built_at IS NOT NULL AND NOT dirty AND month_start >= :from AND month_end <= :to
				ORDER BY month_start""")
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs, n) -> new Month(rs.getObject("month_start", OffsetDateTime.class).toInstant(),
					rs.getObject("month_end", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Adds a row for every ended month since the first case or assignment. */
	private void notice(Instant now) {
		YearMonth current = YearMonth.from(now.atZone(this.zone));
		OffsetDateTime first = this.jdbc.sql("""
				SELECT least((SELECT min(filed_at) FROM case_file), (SELECT min(due_at) FROM assignment))""")
			.query(OffsetDateTime.class)
			.optional()
			.orElse(null);
		if (first == null) {
			return;
		}
		YearMonth month = YearMonth.from(first.atZoneSameInstant(this.zone));
		for (; month.isBefore(current); month = month.plusMonths(1)) {
			this.jdbc.sql("""
					INSERT INTO dashboard_month (month_start, month_end, noticed_at) VALUES (:start, :end, :now)
					ON CONFLICT (month_start) DO NOTHING""")
				.param("start", utc(start(month)))
				.param("end", utc(start(month.plusMonths(1))))
				.param("now", utc(now))
				.update();
		}
	}

	/**
	 * Rebuilds one month. Its row is locked first, so a writer that marks it dirty either committed
	 * before (and the statements below see its change) or waits and marks it dirty again after.
	 */
	private boolean build(Month month, Instant now) {
		boolean locked = this.jdbc.sql("""
				SELECT month_start FROM dashboard_month WHERE month_start = :start AND (built_at IS NULL OR dirty)
				FOR UPDATE SKIP LOCKED""")
			.param("start", utc(month.start()))
			.query(OffsetDateTime.class)
			.optional()
			.isPresent();
		if (!locked) {
			return false;
		}
		this.jdbc.sql("UPDATE dashboard_month SET dirty = false, built_at = :now WHERE month_start = :start")
			.param("start", utc(month.start()))
			.param("now", utc(now))
			.update();
		this.jdbc.sql("DELETE FROM dashboard_month_response WHERE month_start = :start")
			.param("start", utc(month.start()))
			.update();
		this.jdbc.sql("DELETE FROM dashboard_day WHERE month_start = :start").param("start", utc(month.start())).update();
		DashboardFilter all = new DashboardFilter(null, null, null, null, null);
		List<RawFigures.Span> spans = List.of(new RawFigures.Span(month.start(), month.end()));
		Map<String, Object> params = new HashMap<>();
		params.put("start", utc(month.start()));
		params.put("zone", this.zone.getId());
		String histogram = RawFigures.responseHistogram(spans, all, params);
		this.jdbc.sql("INSERT INTO dashboard_month_response (month_start, dimension, code, minutes, on_time, late)\n"
				+ "SELECT :start, h.* FROM (" + histogram + ") h")
			.params(params)
			.update();
		String days = RawFigures.days(spans, all, params);
		this.jdbc.sql("INSERT INTO dashboard_day (day, month_start, filed, open, resolved, closed, on_time, late)\n"
				+ "SELECT d.day, :start, d.filed, d.open, d.resolved, d.closed, d.on_time, d.late FROM (" + days + ") d")
			.params(params)
			.update();
		return true;
	}

	private Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay(this.zone).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
