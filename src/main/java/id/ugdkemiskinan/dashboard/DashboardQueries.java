package id.ugdkemiskinan.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.config.UgdProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures straight from SQL aggregates ({@code FILTER}, {@code percentile_cont},
 * {@code GROUP BY}) over indexed columns; nothing is loaded into memory but the results.
 */
@Component
@Transactional(readOnly = true)
class DashboardQueries {

	static final int BOARD_LIMIT = 200;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	DashboardQueries(JdbcClient jdbc, Clock clock, UgdProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = properties.zone();
	}

	/** An open assignment on the breach board or the at-risk list. */
	record BoardRow(String ticket, String kecamatanName, String desaName, String dinasCode, String categories,
			String priority, Instant dueAt, Duration overdueBy, Duration left) {
	}

	/** One assignment of the period with its SLA outcome, for the CSV export. */
	record ExportRow(String ticket, String kecamatanCode, String desaCode, String dinasCode, String status,
			Instant assignedAt, Instant dueAt, Instant respondedAt, String outcome, Long responseMinutes) {
	}

	private static final String METRICS = """
			count(*) FILTER (WHERE a.responded_at <= a.due_at) AS on_time,
			count(*) FILTER (WHERE a.responded_at > a.due_at) AS late,
			count(*) FILTER (WHERE a.responded_at IS NULL AND a.due_at < :now) AS overdue_open,
			count(*) FILTER (WHERE a.responded_at IS NULL AND a.due_at >= :now) AS pending,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.responded_at - a.assigned_at) / 60)
			    FILTER (WHERE a.responded_at IS NOT NULL) AS median,
			percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM a.responded_at - a.assigned_at) / 60)
			    FILTER (WHERE a.responded_at IS NOT NULL) AS p90""";

	DashboardFigures figures(DashboardFilter filter) {
		Map<String, Object> params = params(filter);
		String assignmentsInPeriod = """
				FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE a.due_at >= :from AND a.due_at < :to AND a.status <> 'DIBATALKAN'""" + filters(filter, true);
		// One pass over the period's assignments for the totals, by dinas and by kecamatan.
		List<Map<String, Object>> sets = this.jdbc.sql("""
				SELECT GROUPING(a.dinas_code) AS all_dinas, GROUPING(c.kecamatan_code) AS all_kecamatan,
				       a.dinas_code, c.kecamatan_code,
				       (SELECT name FROM dinas WHERE code = a.dinas_code) AS dinas_name,
				       (SELECT name FROM kecamatan WHERE code = c.kecamatan_code) AS kecamatan_name,
				""" + METRICS + "\n" + assignmentsInPeriod + """

				GROUP BY GROUPING SETS ((), (a.dinas_code), (c.kecamatan_code))""")
			.params(params)
			.query((rs, n) -> {
				Map<String, Object> m = metrics(rs);
				m.put("allDinas", rs.getInt("all_dinas") == 1);
				m.put("allKecamatan", rs.getInt("all_kecamatan") == 1);
				m.put("dinas", rs.getString("dinas_code"));
				m.put("kecamatan", rs.getString("kecamatan_code"));
				m.put("dinasName", rs.getString("dinas_name"));
				m.put("kecamatanName", rs.getString("kecamatan_name"));
				return m;
			})
			.list();
		Map<String, Object> totals = sets.stream()
			.filter(m -> (boolean) m.get("allDinas") && (boolean) m.get("allKecamatan"))
			.findFirst()
			.orElseThrow();
		Map<String, Object> cases = this.jdbc.sql("""
				SELECT count(*) AS filed, count(*) FILTER (WHERE c.status = 'TERBUKA') AS open,
				       count(*) FILTER (WHERE c.status = 'SELESAI') AS resolved,
				       count(*) FILTER (WHERE c.status = 'DITUTUP') AS closed
				FROM case_file c WHERE c.filed_at >= :from AND c.filed_at < :to""" + caseFilters(filter))
			.params(params)
			.query((rs, n) -> Map.<String, Object>of("filed", rs.getLong("filed"), "open", rs.getLong("open"), "resolved",
					rs.getLong("resolved"), "closed", rs.getLong("closed")))
			.single();
		long[] now = this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE a.due_at < :now) AS breached,
				       count(*) FILTER (WHERE a.at_risk_from <= :now AND a.due_at >= :now) AS at_risk
				FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE a.status = 'MENUNGGU_RESPON'"""
				+ filters(filter, true))
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong("breached"), rs.getLong("at_risk") })
			.single();
		long breachedNow = now[0];
		long atRiskNow = now[1];
		List<DashboardFigures.Group> byDinas = sets.stream()
			.filter(m -> !(boolean) m.get("allDinas"))
			.map(m -> group((String) m.get("dinas"), (String) m.get("dinasName"), m))
			.sorted(Comparator.comparing(DashboardFigures.Group::code))
			.toList();
		List<DashboardFigures.Group> byKecamatan = sets.stream()
			.filter(m -> !(boolean) m.get("allKecamatan"))
			.map(m -> group((String) m.get("kecamatan"), (String) m.get("kecamatanName"), m))
			.sorted(Comparator.comparing(DashboardFigures.Group::code))
			.toList();
		String byCategoryFrom = """
				FROM assignment a JOIN case_file c ON c.id = a.case_id JOIN case_category cc ON cc.case_id = c.id
				WHERE a.due_at >= :from AND a.due_at < :to AND a.status <> 'DIBATALKAN'""" + filters(filter, false)
				+ (filter.category() != null ? " AND cc.category_code = :category" : "");
		List<DashboardFigures.Group> byCategory = groups("cc.category_code",
				"(SELECT name FROM category WHERE code = cc.category_code)", byCategoryFrom, params);
		return new DashboardFigures(filter.from(), filter.to(), (long) cases.get("filed"), (long) cases.get("open"),
				(long) cases.get("resolved"), (long) cases.get("closed"), (long) totals.get("onTime"),
				(long) totals.get("late"), (long) totals.get("overdueOpen"), (long) totals.get("pending"),
				DashboardFigures.compliance((long) totals.get("onTime"), (long) totals.get("late"),
						(long) totals.get("overdueOpen")),
				(Double) totals.get("median"), (Double) totals.get("p90"), breachedNow, atRiskNow, byDinas, byKecamatan,
				byCategory, daily(filter, params));
	}

	private static DashboardFigures.Group group(String code, String name, Map<String, Object> m) {
		long onTime = (long) m.get("onTime");
		long late = (long) m.get("late");
		long overdue = (long) m.get("overdueOpen");
		return new DashboardFigures.Group(code, name, onTime, late, overdue, (long) m.get("pending"),
				DashboardFigures.compliance(onTime, late, overdue), (Double) m.get("median"));
	}

	private List<DashboardFigures.Group> groups(String key, String name, String from, Map<String, Object> params) {
		return this.jdbc.sql("SELECT " + key + " AS code, " + name + " AS name, " + METRICS + "\n" + from + "\nGROUP BY "
				+ key + " ORDER BY " + key)
			.params(params)
			.query((rs, n) -> {
				Map<String, Object> m = metrics(rs);
				long onTime = (long) m.get("onTime");
				long late = (long) m.get("late");
				long overdue = (long) m.get("overdueOpen");
				return new DashboardFigures.Group(rs.getString("code"), rs.getString("name"), onTime, late, overdue,
						(long) m.get("pending"), DashboardFigures.compliance(onTime, late, overdue), (Double) m.get("median"));
			})
			.list();
	}

	private List<DashboardFigures.Day> daily(DashboardFilter filter, Map<String, Object> params) {
		return this.jdbc.sql("""
				WITH days AS (
				    SELECT d::date AS day FROM generate_series(CAST(:fromDate AS date), CAST(:toDate AS date), interval '1 day') d),
				filed AS (
				    SELECT (c.filed_at AT TIME ZONE :zone)::date AS day, count(*) AS n
				    FROM case_file c WHERE c.filed_at >= :from AND c.filed_at < :to""" + caseFilters(filter) + """

				    GROUP BY 1),
				outcome AS (
				    SELECT (a.due_at AT TIME ZONE :zone)::date AS day,
				           count(*) FILTER (WHERE a.responded_at <= a.due_at) AS on_time,
				           count(*) FILTER (WHERE a.responded_at > a.due_at) AS late,
				           count(*) FILTER (WHERE a.responded_at > a.due_at
				                            OR (a.responded_at IS NULL AND a.due_at < :now)) AS breached
				    FROM assignment a JOIN case_file c ON c.id = a.case_id
				    WHERE a.due_at >= :from AND a.due_at < :to AND a.status <> 'DIBATALKAN'""" + filters(filter, true)
				+ """

				    GROUP BY 1)
				SELECT days.day, coalesce(filed.n, 0) AS filed, coalesce(outcome.on_time, 0) AS on_time,
				       coalesce(outcome.late, 0) AS late, coalesce(outcome.breached, 0) AS breached
				FROM days LEFT JOIN filed ON filed.day = days.day LEFT JOIN outcome ON outcome.day = days.day
				ORDER BY days.day""")
			.params(params)
			.query((rs, n) -> new DashboardFigures.Day(rs.getObject("day", LocalDate.class), rs.getLong("filed"),
					rs.getLong("on_time"), rs.getLong("late"), rs.getLong("breached")))
			.list();
	}

	/** Every waiting assignment past its due time, most overdue first (not bound to the period). */
	List<BoardRow> breachBoard(DashboardFilter filter) {
		return board(filter, "a.due_at < :now", "a.due_at ASC");
	}

	/** Waiting assignments inside the at-risk window, soonest due first. */
	List<BoardRow> atRisk(DashboardFilter filter) {
		return board(filter, "a.at_risk_from <= :now AND a.due_at >= :now", "a.due_at ASC");
	}

	private List<BoardRow> board(DashboardFilter filter, String condition, String order) {
		Map<String, Object> params = params(filter);
		Instant now = this.clock.instant();
		params.put("limit", BOARD_LIMIT);
		return this.jdbc.sql("""
				SELECT c.ticket, k.name AS kecamatan_name, d.name AS desa_name, a.dinas_code, c.priority, a.due_at,
				       (SELECT string_agg(cc.category_code, ',' ORDER BY cc.category_code)
				          FROM case_category cc WHERE cc.case_id = c.id) AS categories
				FROM assignment a JOIN case_file c ON c.id = a.case_id
				JOIN kecamatan k ON k.code = c.kecamatan_code JOIN desa d ON d.code = c.desa_code
				WHERE a.status = 'MENUNGGU_RESPON' AND\s""" + condition + filters(filter, true) + """

				ORDER BY\s""" + order + " LIMIT :limit")
			.params(params)
			.query((rs, n) -> {
				Instant due = rs.getObject("due_at", OffsetDateTime.class).toInstant();
				return new BoardRow(rs.getString("ticket"), rs.getString("kecamatan_name"), rs.getString("desa_name"),
						rs.getString("dinas_code"), rs.getString("categories"), rs.getString("priority"), due,
						now.isAfter(due) ? Duration.between(due, now) : null, now.isAfter(due) ? null : Duration.between(now, due));
			})
			.list();
	}

	/** The period's assignments with their SLA outcome, oldest due first. */
	List<ExportRow> export(DashboardFilter filter) {
		Map<String, Object> params = params(filter);
		return this.jdbc.sql("""
				SELECT c.ticket, c.kecamatan_code, c.desa_code, a.dinas_code, a.status, a.assigned_at, a.due_at, a.responded_at,
				       CASE WHEN a.responded_at <= a.due_at THEN 'ON_TIME' WHEN a.responded_at > a.due_at THEN 'LATE'
				            WHEN a.due_at < :now THEN 'OVERDUE_OPEN' ELSE 'PENDING' END AS outcome,
				       floor(extract(epoch FROM a.responded_at - a.assigned_at) / 60)::bigint AS response_minutes
				FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE a.due_at >= :from AND a.due_at < :to AND a.status <> 'DIBATALKAN'""" + filters(filter, true)
				+ "\nORDER BY a.due_at, a.id")
			.params(params)
			.query((rs, n) -> new ExportRow(rs.getString("ticket"), rs.getString("kecamatan_code"), rs.getString("desa_code"),
					rs.getString("dinas_code"), rs.getString("status"), instant(rs, "assigned_at"), instant(rs, "due_at"),
					instant(rs, "responded_at"), rs.getString("outcome"), (Long) rs.getObject("response_minutes")))
			.list();
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

	/** Filters on assignment {@code a} and its case {@code c}. */
	private static String filters(DashboardFilter filter, boolean category) {
		List<String> conditions = new ArrayList<>();
		if (filter.kecamatan() != null) {
			conditions.add("c.kecamatan_code = :kecamatan");
		}
		if (filter.dinas() != null) {
			conditions.add("a.dinas_code = :dinas");
		}
		if (category && filter.category() != null) {
			conditions.add("EXISTS (SELECT 1 FROM case_category fc WHERE fc.case_id = c.id AND fc.category_code = :category)");
		}
		return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
	}

	/** Filters on a case {@code c} for the case counts. */
	private static String caseFilters(DashboardFilter filter) {
		List<String> conditions = new ArrayList<>();
		if (filter.kecamatan() != null) {
			conditions.add("c.kecamatan_code = :kecamatan");
		}
		if (filter.dinas() != null) {
			conditions.add("EXISTS (SELECT 1 FROM assignment fa WHERE fa.case_id = c.id AND fa.dinas_code = :dinas)");
		}
		if (filter.category() != null) {
			conditions.add("EXISTS (SELECT 1 FROM case_category fc WHERE fc.case_id = c.id AND fc.category_code = :category)");
		}
		return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
	}

	private static Map<String, Object> metrics(ResultSet rs) throws SQLException {
		Map<String, Object> m = new HashMap<>();
		m.put("onTime", rs.getLong("on_time"));
		m.put("late", rs.getLong("late"));
		m.put("overdueOpen", rs.getLong("overdue_open"));
		m.put("pending", rs.getLong("pending"));
		m.put("median", (Double) rs.getObject("median"));
		m.put("p90", (Double) rs.getObject("p90"));
		return m;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
