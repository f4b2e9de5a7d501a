package id.ugdkemiskinan.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.CategoryRef;
import id.ugdkemiskinan.agency.DinasRef;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import static java.util.stream.Collectors.toMap;
import static id.ugdkemiskinan.common.SqlTime.utc;
import static id.ugdkemiskinan.common.SqlTime.instant;

/**
 * The dashboard's figures from SQL aggregates ({@code FILTER}, {@code GROUP BY}, window
 * sums for the percentiles) over the monthly roll-up and indexed columns; nothing is
 * loaded into memory but the results.
 */
@Component
@Transactional(readOnly = true)
class DashboardQueries {

	static final int BOARD_LIMIT = 200;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final DashboardRollups rollups;

	private final Agencies agencies;

	private final Regions regions;

	DashboardQueries(JdbcClient jdbc, Clock clock, TimeProperties time, DashboardRollups rollups, Agencies agencies,
			Regions regions) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.agencies = agencies;
		this.regions = regions;
		this.clock = clock;
		this.zone = time.zone();
	}

	/** An open assignment on the breach board or the at-risk list. */
	record BoardRow(String ticket, String kecamatanCode, String kecamatanName, String desaCode, String desaName,
			String dinasCode, String categories, String priority, Instant assignedAt, Instant dueAt, Duration overdueBy,
			Duration left, Integer escalationLevel, String escalationName) {
	}

	/**
	 * One assignment of the period with its SLA outcome, for the exports; names beside
	 * the codes.
	 */
	record ExportRow(String ticket, String kecamatanCode, String kecamatanName, String desaCode, String desaName,
			String dinasCode, String dinasName, String categories, String status, Instant assignedAt, Instant dueAt,
			Instant respondedAt, String outcome, Long responseMinutes) {
	}

	/**
	 * Rows read from a cursor this many at a time, so that an export never holds its rows
	 * in memory.
	 */
	static final int EXPORT_FETCH_SIZE = 500;

	/**
	 * Response-time statistics by (dimension, code), after
	 * {@code spans(grain, span_start)} (rolled-up spans) and
	 * {@code raw(dimension, code, minutes, on_time, late)} (a histogram from the raw
	 * tables): counts, and the median and 90th percentile exactly as
	 * {@code percentile_cont} computes them over the minutes (linear between the two
	 * nearest ranks: with {@code last} the highest 0-based rank, the ranks {@code floor}
	 * and {@code ceil} of {@code 0.5 * last} and {@code 0.9 * last}, in integer
	 * arithmetic). The bucket histograms ({@code :bucket} minutes wide) are merged first
	 * to find the bucket that holds each rank and how many responses lie below it; then
	 * only the minute rows of those buckets are read.
	 */
	static final String PERCENTILES = """
			, coarse AS (
			    SELECT r.dimension, r.code, r.bucket, r.on_time, r.late
			    FROM spans JOIN dashboard_response_bucket r
			      ON r.grain = spans.grain AND r.span_start = spans.span_start AND r.scope = :scope
			    UNION ALL
			    SELECT dimension, code, minutes / :bucket, on_time, late FROM raw),
			b AS (SELECT dimension, code, bucket, sum(on_time)::int AS on_time, sum(late)::int AS late,
			             sum(on_time + late)::int AS n FROM coarse GROUP BY 1, 2, 3),
			bw AS (SELECT b.*, sum(n) OVER (PARTITION BY dimension, code ORDER BY bucket) - n AS below,
			              sum(n) OVER (PARTITION BY dimension, code) - 1 AS last FROM b),
			t AS (SELECT dimension, code, sum(on_time) AS on_time, sum(late) AS late, max(last) AS last FROM bw GROUP BY 1, 2),
			needed AS (
			    SELECT row_number() OVER () AS k, x.* FROM (
			        SELECT DISTINCT bw.dimension, bw.code, bw.bucket, bw.below FROM bw
			        CROSS JOIN LATERAL (VALUES (bw.last / 2), ((bw.last + 1) / 2), (9 * bw.last / 10), ((9 * bw.last + 9) / 10)) rank (r)
			        WHERE bw.below <= rank.r AND rank.r < bw.below + bw.n) x),
			fine AS (
			    SELECT needed.k, r.minutes, r.on_time + r.late AS n
			    FROM needed CROSS JOIN spans JOIN dashboard_response r
			      ON r.grain = spans.grain AND r.span_start = spans.span_start AND r.scope = :scope
			         AND r.dimension = needed.dimension AND r.code = needed.code
			         AND r.minutes >= needed.bucket * :bucket AND r.minutes < (needed.bucket + 1) * :bucket
			    UNION ALL
			    SELECT needed.k, raw.minutes, raw.on_time + raw.late FROM raw JOIN needed
			      ON raw.dimension = needed.dimension AND raw.code = needed.code AND raw.minutes / :bucket = needed.bucket),
			fw AS (SELECT needed.dimension, needed.code, f.minutes, f.n,
			              needed.below + sum(f.n) OVER (PARTITION BY f.k ORDER BY f.minutes) - f.n AS below
			       FROM (SELECT k, minutes, sum(n)::int AS n FROM fine GROUP BY 1, 2) f JOIN needed ON needed.k = f.k),
			p AS (SELECT t.dimension, t.code, t.on_time, t.late, t.last,
			             min(fw.minutes) FILTER (WHERE fw.below <= t.last / 2 AND t.last / 2 < fw.below + fw.n) AS p50_lo,
			             min(fw.minutes) FILTER (WHERE fw.below <= (t.last + 1) / 2 AND (t.last + 1) / 2 < fw.below + fw.n) AS p50_hi,
			             min(fw.minutes) FILTER (WHERE fw.below <= 9 * t.last / 10 AND 9 * t.last / 10 < fw.below + fw.n) AS p90_lo,
			             min(fw.minutes) FILTER (WHERE fw.below <= (9 * t.last + 9) / 10 AND (9 * t.last + 9) / 10 < fw.below + fw.n) AS p90_hi
			      FROM t JOIN fw ON fw.dimension = t.dimension AND fw.code = t.code
			      GROUP BY t.dimension, t.code, t.on_time, t.late, t.last)
			SELECT dimension, code, on_time, late,
			       (p50_lo + (last % 2) / 2.0 * (p50_hi - p50_lo))::double precision AS median,
			       (p90_lo + (9 * last % 10) / 10.0 * (p90_hi - p90_lo))::double precision AS p90
			FROM p""";

	/**
	 * The rolled-up spans a statement reads, {@code spans(grain, span_start)}, from the
	 * start lists.
	 */
	private static final String SPANS = """
			spans AS (
			    SELECT 'M'::char AS grain, s AS span_start FROM unnest(CAST(ARRAY[:months] AS timestamptz[])) s
			    UNION ALL SELECT 'W'::char, s FROM unnest(CAST(ARRAY[:weeks] AS timestamptz[])) s
			    UNION ALL SELECT 'D'::char, s FROM unnest(CAST(ARRAY[:days] AS timestamptz[])) s)""";

	/**
	 * Counts and percentiles of one dimension value; the waiting counts are kept beside
	 * them.
	 */
	private record Stats(long onTime, long late, Double median, Double p90) {
	}

	/**
	 * The figures. Days, weeks and months that have ended and are rolled up come from the
	 * roll-up (for all dinas or one dinas; with a kecamatan or category filter, not at
	 * all); the rest of the period from the raw tables, by the same SQL (waiting
	 * assignments there counted against now). One snapshot for all statements, so the
	 * figures add up.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	DashboardFigures figures(DashboardFilter filter) {
		// The statements are prepared on the server after a few calls; a generic plan
		// cannot see how many roll-up rows a scope and span list select, guessed a few
		// thousand for 126,000 and sorted them on disk (3x slower, as the 365-day
		// benchmark showed). Plan every call for its values, as psql does.
		this.jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		Map<String, Object> params = params(filter);
		Instant from = filter.from().atStartOfDay(this.zone).toInstant();
		Instant to = filter.to().plusDays(1).atStartOfDay(this.zone).toInstant();
		// The roll-up holds every dinas together and each dinas alone, not other filters.
		boolean rolledUp = filter.kecamatan() == null && filter.category() == null && !filter.priorityOnly();
		List<DashboardRollups.Span> clean = rolledUp ? this.rollups.clean(from, to) : List.of();
		params.put("scope", filter.dinas() == null ? DashboardRollups.ALL_DINAS : filter.dinas());
		// Response histograms: the largest clean spans first (months, then weeks, then
		// days), none overlapping another; raw for the rest.
		List<DashboardRollups.Span> histogramSpans = new ArrayList<>();
		for (char grain : new char[] { DashboardRollups.MONTH, DashboardRollups.WEEK, DashboardRollups.DAY }) {
			clean.stream()
				.filter(span -> span.grain() == grain)
				.filter(span -> histogramSpans.stream()
					.noneMatch(taken -> taken.start().isBefore(span.end()) && span.start().isBefore(taken.end())))
				.forEach(histogramSpans::add);
		}
		List<RawFigures.Span> rawHistogram = uncovered(from, to, histogramSpans);
		// Counts per day: every clean day, then raw.
		List<DashboardRollups.Span> countedDays = clean.stream()
			.filter(span -> span.grain() == DashboardRollups.DAY)
			.toList();
		List<RawFigures.Span> rawDays = uncovered(from, to, countedDays);
		params.put("months", starts(histogramSpans, DashboardRollups.MONTH));
		params.put("weeks", starts(histogramSpans, DashboardRollups.WEEK));
		params.put("days", starts(histogramSpans, DashboardRollups.DAY));
		params.put("countedDays", starts(countedDays, DashboardRollups.DAY));

		Map<String, Stats> stats = new HashMap<>();
		params.put("bucket", DashboardRollups.BUCKET_MINUTES);
		this.jdbc
			.sql("WITH " + SPANS + """
					,
					raw AS (
					    SELECT dimension::char AS dimension, code::varchar AS code, minutes, on_time, late FROM (
					""" + RawFigures.responseHistogram(rawHistogram, filter, params) + ") h\n    UNION ALL\n"
					+ "    SELECT dimension::char, code::varchar, minutes, on_time, late FROM ("
					+ RawFigures.waitHistogram(rawHistogram,
							histogramSpans.stream().map(DashboardRollups.Span::time).toList(), false, filter, params)
					+ ") w)" + PERCENTILES)
			.params(params)
			.query((rs, n) -> stats.put(rs.getString("dimension") + rs.getString("code"),
					new Stats(rs.getLong("on_time"), rs.getLong("late"), (Double) rs.getObject("median"),
							(Double) rs.getObject("p90"))))
			.list();
		Map<String, long[]> waiting = new HashMap<>();
		this.jdbc
			.sql("""
					SELECT dimension, code, sum(overdue) AS overdue, sum(pending) AS pending, sum(returned) AS returned,
					       sum(returned_late) AS returned_late FROM (
					    SELECT dimension, code, overdue, 0 AS pending, returned, returned_late FROM dashboard_overdue
					    WHERE scope = :scope AND (grain = 'M' AND span_start IN (:months) OR grain = 'W' AND span_start IN (:weeks)
					         OR grain = 'D' AND span_start IN (:days))
					    UNION ALL
					    SELECT * FROM ("""
					+ RawFigures.waiting(rawHistogram, filter, params) + """
							) raw) w
							GROUP BY dimension, code""")
			.params(params)
			.query((rs, n) -> waiting.put(rs.getString("dimension") + rs.getString("code"),
					new long[] { rs.getLong("overdue"), rs.getLong("pending"), rs.getLong("returned"),
							rs.getLong("returned_late") }))
			.list();
		long[] cases = this.jdbc
			.sql("""
					SELECT coalesce(sum(filed), 0) AS filed, coalesce(sum(open), 0) AS open,
					       coalesce(sum(resolved), 0) AS resolved, coalesce(sum(closed), 0) AS closed
					FROM (SELECT filed, open, resolved, closed FROM dashboard_day WHERE scope = :scope AND span_start IN (:countedDays)
					      UNION ALL
					      SELECT filed, open, resolved, closed FROM ("""
					+ RawFigures.days(rawDays, filter, params) + ") raw) d")
			.params(params)
			.query((rs,
					n) -> new long[] { rs.getLong("filed"), rs.getLong("open"), rs.getLong("resolved"),
							rs.getLong("closed") })
			.single();
		// Two counts, so that without filters each is an index-only scan of the waiting
		// assignments.
		String waitingNow = "FROM assignment a" + RawFigures.caseJoin(filter) + " WHERE a.status = 'MENUNGGU_RESPON'"
				+ RawFigures.filters(filter, true);
		long[] now = this.jdbc
			.sql("SELECT (SELECT count(*) " + waitingNow + " AND a.due_at < :now) AS breached,\n" + "(SELECT count(*) "
					+ waitingNow + " AND a.due_at >= :now AND a.at_risk_from <= :now) AS at_risk")
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong("breached"), rs.getLong("at_risk") })
			.single();
		DashboardFigures.Group total = group("T", "", null, stats, waiting);
		return new DashboardFigures(filter.from(), filter.to(), cases[0], cases[1], cases[2], cases[3], total.onTime(),
				total.late(), total.overdueOpen(), total.pending(), total.compliance(), total.responseMinutesMedian(),
				stats.containsKey("T") ? stats.get("T").p90() : null, now[0], now[1],
				groups("D", this.agencies.dinas().stream().collect(toMap(DinasRef::code, DinasRef::name)), stats,
						waiting),
				groups("K", this.regions.kecamatan().stream().collect(toMap(KecamatanRef::code, KecamatanRef::name)),
						stats, waiting),
				groups("C", this.agencies.categories().stream().collect(toMap(CategoryRef::code, CategoryRef::name)),
						stats, waiting),
				daily(filter, params, rawDays), total.returned(), total.returnedLate(), residentWait(stats.get("W")));
	}

	/**
	 * The resident's wait over the cases filed in the period with the filters (those of
	 * the case counts), from its histogram (dimension {@code W}: answered as on time,
	 * still waiting as late): the median and 90th percentile exactly as
	 * {@code percentile_cont} over the whole minutes.
	 */
	private static DashboardFigures.ResidentWait residentWait(Stats wait) {
		if (wait == null) {
			return new DashboardFigures.ResidentWait(0, 0, null, null);
		}
		return new DashboardFigures.ResidentWait(wait.onTime() + wait.late(), wait.late(), wait.median(), wait.p90());
	}

	/** The parts of {@code [from, to)} that the spans (not overlapping) do not cover. */
	private static List<RawFigures.Span> uncovered(Instant from, Instant to, List<DashboardRollups.Span> covered) {
		List<RawFigures.Span> spans = new ArrayList<>();
		Instant cursor = from;
		for (DashboardRollups.Span span : covered.stream()
			.sorted(java.util.Comparator.comparing(DashboardRollups.Span::start))
			.toList()) {
			if (span.start().isAfter(cursor)) {
				spans.add(new RawFigures.Span(cursor, span.start()));
			}
			cursor = span.end();
		}
		if (cursor.isBefore(to)) {
			spans.add(new RawFigures.Span(cursor, to));
		}
		return spans;
	}

	/**
	 * The starts of the spans of one grain for an {@code IN} list (never empty: an
	 * instant no span starts at stands for none).
	 */
	private static List<OffsetDateTime> starts(List<DashboardRollups.Span> spans, char grain) {
		List<OffsetDateTime> starts = spans.stream()
			.filter(span -> span.grain() == grain)
			.map(span -> utc(span.start()))
			.toList();
		return starts.isEmpty() ? List.of(utc(Instant.EPOCH)) : starts;
	}

	/** Every code of the dimension that has an assignment in the period, by code. */
	private static List<DashboardFigures.Group> groups(String dimension, Map<String, String> names,
			Map<String, Stats> stats, Map<String, long[]> waiting) {
		TreeSet<String> codes = new TreeSet<>();
		Stream.concat(stats.keySet().stream(), waiting.keySet().stream())
			.filter(key -> key.startsWith(dimension))
			.map(key -> key.substring(1))
			.forEach(codes::add);
		return codes.stream()
			.map(code -> group(dimension, code, names.getOrDefault(code, code), stats, waiting))
			.filter(group -> group.onTime() + group.late() + group.overdueOpen() + group.pending()
					+ group.returned() > 0)
			.toList();
	}

	private static DashboardFigures.Group group(String dimension, String code, String name, Map<String, Stats> stats,
			Map<String, long[]> waiting) {
		Stats s = stats.getOrDefault(dimension + code, new Stats(0, 0, null, null));
		long[] w = waiting.getOrDefault(dimension + code, new long[4]);
		return new DashboardFigures.Group(code, name, s.onTime(), s.late(), w[0], w[1],
				DashboardFigures.compliance(s.onTime(), s.late(), w[2], w[0]), s.median(), w[2], w[3]);
	}

	private List<DashboardFigures.Day> daily(DashboardFilter filter, Map<String, Object> params,
			List<RawFigures.Span> raw) {
		return this.jdbc
			.sql("""
					WITH days AS (
					    SELECT d::date AS day FROM generate_series(CAST(:fromDate AS date), CAST(:toDate AS date), interval '1 day') d),
					counted AS (
					    SELECT day, filed, on_time, late, overdue, returned, returned_late FROM dashboard_day
					    WHERE scope = :scope AND span_start IN (:countedDays)
					    UNION ALL
					    SELECT day, filed, on_time, late, overdue, returned, returned_late FROM ("""
					+ RawFigures.days(raw, filter, params)
					+ """
							) raw)
							SELECT days.day, coalesce(counted.filed, 0) AS filed, coalesce(counted.on_time, 0) AS on_time,
							       coalesce(counted.late, 0) AS late,
							       coalesce(counted.late + counted.returned_late + counted.overdue, 0) AS breached,
							       coalesce(counted.returned, 0) AS returned
							FROM days LEFT JOIN counted ON counted.day = days.day
							ORDER BY days.day""")
			.params(params)
			.query((rs, n) -> new DashboardFigures.Day(rs.getObject("day", LocalDate.class), rs.getLong("filed"),
					rs.getLong("on_time"), rs.getLong("late"), rs.getLong("breached"), rs.getLong("returned")))
			.list();
	}

	/**
	 * Every waiting assignment past its due time, most overdue first (not bound to the
	 * period).
	 */
	List<BoardRow> breachBoard(DashboardFilter filter) {
		List<BoardRow> rows = new ArrayList<>();
		board(filter, BREACHED, BOARD_LIMIT, rows::add);
		return rows;
	}

	/** The whole breach board, row by row from a cursor (for the export). */
	void breachBoard(DashboardFilter filter, Consumer<BoardRow> sink) {
		board(filter, BREACHED, null, sink);
	}

	/** Waiting assignments inside the at-risk window, soonest due first. */
	List<BoardRow> atRisk(DashboardFilter filter) {
		List<BoardRow> rows = new ArrayList<>();
		board(filter, "a.at_risk_from <= :now AND a.due_at >= :now", BOARD_LIMIT, rows::add);
		return rows;
	}

	/**
	 * Open breaches now (waiting, past due, any period) by dinas, with the filters: the
	 * assignments waiting for a response, not the roll-up, which has no "now".
	 */
	Map<String, Long> breachedNowByDinas(DashboardFilter filter) {
		Map<String, Object> params = params(filter);
		Map<String, Long> counts = new HashMap<>();
		this.jdbc
			.sql("SELECT a.dinas_code, count(*) AS n FROM assignment a" + RawFigures.caseJoin(filter)
					+ " WHERE a.status = 'MENUNGGU_RESPON' AND a.due_at < :now" + RawFigures.filters(filter, true)
					+ " GROUP BY a.dinas_code")
			.params(params)
			.query((RowCallbackHandler) rs -> counts.put(rs.getString("dinas_code"), rs.getLong("n")));
		return counts;
	}

	/**
	 * The residents' answers in the period (by the time they answered) with the filters:
	 * kecamatan and category on the case, dinas = the case had an assignment of that
	 * dinas resolved. By dinas, each answer counts once for every (non-secretariat) dinas
	 * that resolved an assignment of the case before the answered resolution.
	 */
	Satisfaction satisfaction(DashboardFilter filter, int minAnswers) {
		Map<String, Object> params = params(filter);
		StringBuilder where = new StringBuilder(" WHERE f.answered_at >= :from AND f.answered_at < :to");
		if (filter.kecamatan() != null) {
			where.append(" AND c.kecamatan_code = :kecamatan");
		}
		if (filter.category() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM case_category fc WHERE fc.case_id = c.id"
					+ " AND fc.category_code = :category)");
		}
		if (filter.priorityOnly()) {
			where.append(" AND ").append(RawFigures.PRIORITY_ONLY);
		}
		if (filter.dinas() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM assignment fa WHERE fa.case_id = c.id"
					+ " AND fa.dinas_code = :dinas AND fa.status = 'SELESAI')");
		}
		String sql = """
				WITH f AS (
				  SELECT f.id, f.case_id, f.answer, f.rating, f.round_resolved_at, c.kecamatan_code
				  FROM resident_feedback f JOIN case_file c ON c.id = f.case_id""" + where + """
				), fd AS (
				  SELECT DISTINCT f.id, f.answer, f.rating, a.dinas_code
				  FROM f JOIN assignment a ON a.case_id = f.case_id AND a.status = 'SELESAI'
				                           AND a.closed_at <= f.round_resolved_at
				  JOIN dinas d ON d.code = a.dinas_code AND NOT d.secretariat
				)
				SELECT 'all' AS dimension, '' AS code, count(*) AS n, count(*) FILTER (WHERE answer = 'SUDAH') AS sudah,
				       count(rating) AS rated, avg(rating) AS mean FROM f
				UNION ALL
				SELECT 'kecamatan', kecamatan_code, count(*), count(*) FILTER (WHERE answer = 'SUDAH'), count(rating),
				       avg(rating) FROM f GROUP BY kecamatan_code
				UNION ALL
				SELECT 'dinas', dinas_code, count(*), count(*) FILTER (WHERE answer = 'SUDAH'), count(rating),
				       avg(rating) FROM fd""" + (filter.dinas() != null ? " WHERE dinas_code = :dinas" : "")
				+ " GROUP BY dinas_code";
		Map<String, String> dinasNames = new HashMap<>();
		this.agencies.dinas().forEach(d -> dinasNames.put(d.code(), d.name()));
		Map<String, String> kecamatanNames = new HashMap<>();
		this.regions.kecamatan().forEach(k -> kecamatanNames.put(k.code(), k.name()));
		List<Satisfaction.Group> byDinas = new ArrayList<>();
		List<Satisfaction.Group> byKecamatan = new ArrayList<>();
		Satisfaction.Group[] all = { new Satisfaction.Group("", "", 0, 0, 0, 0, null, false) };
		this.jdbc.sql(sql).params(params).query((RowCallbackHandler) rs -> {
			String dimension = rs.getString("dimension");
			String code = rs.getString("code");
			long n = rs.getLong("n");
			long sudah = rs.getLong("sudah");
			BigDecimal mean = rs.getBigDecimal("mean");
			String name = switch (dimension) {
				case "dinas" -> dinasNames.getOrDefault(code, code);
				case "kecamatan" -> kecamatanNames.getOrDefault(code, code);
				default -> "";
			};
			Satisfaction.Group group = new Satisfaction.Group(code, name, n, sudah, n - sudah, rs.getLong("rated"),
					mean == null ? null : mean.doubleValue(), n >= minAnswers);
			switch (dimension) {
				case "dinas" -> byDinas.add(group);
				case "kecamatan" -> byKecamatan.add(group);
				default -> all[0] = group;
			}
		});
		return new Satisfaction(all[0], ranked(byDinas), ranked(byKecamatan), minAnswers);
	}

	/**
	 * Ranked groups first, the least satisfied ("Sudah" share, then mean rating) first;
	 * then the groups with too few answers, by name.
	 */
	private static List<Satisfaction.Group> ranked(List<Satisfaction.Group> groups) {
		Comparator<Satisfaction.Group> order = Comparator.comparing((Satisfaction.Group g) -> !g.ranked())
			.thenComparing((Satisfaction.Group g) -> g.ranked() ? g.resolvedShare() : 0.0)
			.thenComparing((Satisfaction.Group g) -> (g.ranked() && g.meanRating() != null) ? g.meanRating() : 0.0)
			.thenComparing(Satisfaction.Group::name);
		return groups.stream().sorted(order).toList();
	}

	private static final String BREACHED = "a.due_at < :now";

	private void board(DashboardFilter filter, String condition, Integer limit, Consumer<BoardRow> sink) {
		Map<String, Object> params = params(filter);
		Instant now = this.clock.instant();
		params.put("limit", limit);
		this.jdbc
			.sql("""
					SELECT c.ticket, c.kecamatan_code, k.name AS kecamatan_name, c.desa_code, d.name AS desa_name, a.dinas_code,
					       c.priority, a.assigned_at, a.due_at,
					       (SELECT string_agg(cc.category_code, ',' ORDER BY cc.category_code)
					          FROM case_category cc WHERE cc.case_id = c.id) AS categories,
					       a.escalation_level, (SELECT e.name FROM assignment_escalation e
					          WHERE e.assignment_id = a.id AND e.level = a.escalation_level) AS escalation_name
					FROM assignment a JOIN case_file c ON c.id = a.case_id
					JOIN kecamatan k ON k.code = c.kecamatan_code JOIN desa d ON d.code = c.desa_code
					WHERE a.status = 'MENUNGGU_RESPON' AND\s"""
					+ condition + RawFigures.filters(filter, true) + """

							ORDER BY a.due_at, a.id""" + (limit == null ? "" : " LIMIT :limit"))
			.params(params)
			.withFetchSize(EXPORT_FETCH_SIZE)
			.query((RowCallbackHandler) rs -> {
				Instant due = rs.getObject("due_at", OffsetDateTime.class).toInstant();
				sink.accept(new BoardRow(rs.getString("ticket"), rs.getString("kecamatan_code"),
						rs.getString("kecamatan_name"), rs.getString("desa_code"), rs.getString("desa_name"),
						rs.getString("dinas_code"), rs.getString("categories"), rs.getString("priority"),
						instant(rs, "assigned_at"), due, now.isAfter(due) ? Duration.between(due, now) : null,
						now.isAfter(due) ? null : Duration.between(now, due),
						(Integer) rs.getObject("escalation_level"), rs.getString("escalation_name")));
			});
	}

	/**
	 * The period's assignments with their SLA outcome, oldest due first, handed to the
	 * sink one by one as they come from a cursor (in this read-only transaction,
	 * {@link #EXPORT_FETCH_SIZE} at a time): an export of a long period never holds its
	 * rows in memory.
	 */
	void export(DashboardFilter filter, Consumer<ExportRow> sink) {
		Map<String, Object> params = params(filter);
		this.jdbc
			.sql("""
					SELECT c.ticket, c.kecamatan_code, k.name AS kecamatan_name, c.desa_code, d.name AS desa_name,
					       a.dinas_code, di.name AS dinas_name, a.status, a.assigned_at, a.due_at, a.responded_at,
					       (SELECT string_agg(cc.category_code, ',' ORDER BY cc.category_code)
					          FROM case_category cc WHERE cc.case_id = c.id) AS categories,
					       CASE WHEN a.status = 'DIKEMBALIKAN' AND a.responded_at > a.due_at THEN 'RETURNED_LATE'
					            WHEN a.status = 'DIKEMBALIKAN' THEN 'RETURNED'
					            WHEN a.responded_at <= a.due_at THEN 'ON_TIME' WHEN a.responded_at > a.due_at THEN 'LATE'
					            WHEN a.due_at < :now THEN 'OVERDUE_OPEN' ELSE 'PENDING' END AS outcome,
					       floor(extract(epoch FROM a.responded_at - a.assigned_at) / 60)::bigint AS response_minutes
					FROM assignment a JOIN case_file c ON c.id = a.case_id
					JOIN kecamatan k ON k.code = c.kecamatan_code JOIN desa d ON d.code = c.desa_code
					JOIN dinas di ON di.code = a.dinas_code
					WHERE a.due_at >= :from AND a.due_at < :to AND a.status <> 'DIBATALKAN'"""
					+ RawFigures.filters(filter, true) + "\nORDER BY a.due_at, a.id")
			.params(params)
			.withFetchSize(EXPORT_FETCH_SIZE)
			.query((RowCallbackHandler) rs -> sink.accept(new ExportRow(rs.getString("ticket"),
					rs.getString("kecamatan_code"), rs.getString("kecamatan_name"), rs.getString("desa_code"),
					rs.getString("desa_name"), rs.getString("dinas_code"), rs.getString("dinas_name"),
					rs.getString("categories"), rs.getString("status"), instant(rs, "assigned_at"),
					instant(rs, "due_at"), instant(rs, "responded_at"), rs.getString("outcome"),
					(Long) rs.getObject("response_minutes"))));
	}

	private Map<String, Object> params(DashboardFilter filter) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", utc(filter.from().atStartOfDay(this.zone).toInstant()));
		params.put("to", utc(filter.to().plusDays(1).atStartOfDay(this.zone).toInstant()));
		params.put("fromDate", filter.from().toString());
		params.put("toDate", filter.to().toString());
		params.put("zone", this.zone.getId());
		params.put("now", utc(this.clock.instant()));
		params.put("kecamatan", filter.kecamatan());
		params.put("dinas", filter.dinas());
		params.put("category", filter.category());
		return params;
	}

}
