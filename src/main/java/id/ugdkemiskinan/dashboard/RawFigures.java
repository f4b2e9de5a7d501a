package id.ugdkemiskinan.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL that computes the dashboard's figures from the raw tables, over a set of time
 * spans and the optional filters. The same statements fill the monthly roll-up
 * ({@link DashboardRollups}, one month, no filter) and answer the spans the roll-up does
 * not cover ({@link DashboardQueries}), so a rolled-up month and a raw one can never
 * disagree.
 */
final class RawFigures {

	private RawFigures() {
	}

	/** A half-open span of time {@code [start, end)}. */
	record Span(Instant start, Instant end) {
	}

	/**
	 * Responded, neither cancelled nor returned assignments due in the spans, by whole
	 * response minutes (a return is its own outcome, counted by {@link #waiting}):
	 * {@code (dimension, code, minutes, on_time, late)} for the total ({@code T}, code
	 * ''), by dinas ({@code D}), kecamatan ({@code K}) and category ({@code C}).
	 */
	static String responseHistogram(List<Span> spans, DashboardFilter filter, Map<String, Object> params) {
		return """
				WITH r AS (
				    SELECT a.case_id, a.dinas_code, c.kecamatan_code, a.responded_at <= a.due_at AS on_time,
				           floor(extract(epoch FROM a.responded_at - a.assigned_at) / 60)::integer AS minutes
				    FROM assignment a JOIN case_file c ON c.id = a.case_id
				    WHERE a.responded_at IS NOT NULL AND a.status NOT IN ('DIBATALKAN', 'DIKEMBALIKAN') AND\s"""
				+ within("a.due_at", spans, params) + filters(filter, true)
				+ """
						)
						SELECT CASE WHEN GROUPING(r.dinas_code) = 0 THEN 'D' WHEN GROUPING(r.kecamatan_code) = 0 THEN 'K' ELSE 'T' END
						           AS dimension,
						       coalesce(r.dinas_code, r.kecamatan_code, '') AS code, r.minutes,
						       count(*) FILTER (WHERE r.on_time) AS on_time, count(*) FILTER (WHERE NOT r.on_time) AS late
						FROM r GROUP BY GROUPING SETS ((r.minutes), (r.dinas_code, r.minutes), (r.kecamatan_code, r.minutes))
						UNION ALL
						SELECT 'C', cc.category_code, r.minutes,
						       count(*) FILTER (WHERE r.on_time), count(*) FILTER (WHERE NOT r.on_time)
						FROM r JOIN case_category cc ON cc.case_id = r.case_id"""
				+ (filter.category() != null ? " AND cc.category_code = :category" : "") + """

						GROUP BY cc.category_code, r.minutes""";
	}

	/**
	 * Assignments due in the spans without a response time: still waiting, overdue (due
	 * before {@code :now}) and pending, and returned to the secretariat, of which late
	 * (the clock stopped after the due time):
	 * {@code (dimension, code, overdue, pending, returned, returned_late)} by the same
	 * dimensions as {@link #responseHistogram}. A returned assignment always has its
	 * clock stop in {@code responded_at} (the response, or the return itself).
	 */
	static String waiting(List<Span> spans, DashboardFilter filter, Map<String, Object> params) {
		String within = within("a.due_at", spans, params) + filters(filter, true);
		return """
				WITH w AS (
				    SELECT a.case_id, a.dinas_code, c.kecamatan_code, a.due_at < :now AS overdue, false AS returned,
				           false AS returned_late
				    FROM assignment a JOIN case_file c ON c.id = a.case_id
				    WHERE a.status = 'MENUNGGU_RESPON' AND\s""" + within + """

				UNION ALL
				SELECT a.case_id, a.dinas_code, c.kecamatan_code, false, true, a.responded_at > a.due_at
				FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE a.responded_at IS NOT NULL AND a.status = 'DIKEMBALIKAN' AND\s""" + within
				+ """
						)
						SELECT CASE WHEN GROUPING(w.dinas_code) = 0 THEN 'D' WHEN GROUPING(w.kecamatan_code) = 0 THEN 'K' ELSE 'T' END
						           AS dimension,
						       coalesce(w.dinas_code, w.kecamatan_code, '') AS code,
						       count(*) FILTER (WHERE w.overdue) AS overdue,
						       count(*) FILTER (WHERE NOT w.overdue AND NOT w.returned) AS pending,
						       count(*) FILTER (WHERE w.returned) AS returned, count(*) FILTER (WHERE w.returned_late) AS returned_late
						FROM w GROUP BY GROUPING SETS ((w.dinas_code), (w.kecamatan_code), ())
						HAVING count(*) > 0
						UNION ALL
						SELECT 'C', cc.category_code, count(*) FILTER (WHERE w.overdue),
						       count(*) FILTER (WHERE NOT w.overdue AND NOT w.returned),
						       count(*) FILTER (WHERE w.returned), count(*) FILTER (WHERE w.returned_late)
						FROM w JOIN case_category cc ON cc.case_id = w.case_id"""
				+ (filter.category() != null ? " AND cc.category_code = :category" : "") + """

						GROUP BY cc.category_code""";
	}

	/**
	 * The resident's wait as a histogram by whole minutes from filing to the first
	 * response of a dinas: {@code ('W', '', minutes, answered, still_waiting)} for the
	 * cases filed in the spans that got one, and (unless {@code answeredOnly}, as the
	 * roll-up asks) the open cases filed there still waiting, counted to {@code :now},
	 * and those of the {@code waitingIn} spans (rolled up, which hold the answered ones
	 * only). Cases that ended without any dinas response are left out.
	 */
	static String waitHistogram(List<Span> spans, List<Span> waitingIn, boolean answeredOnly, DashboardFilter filter,
			Map<String, Object> params) {
		String waiting = "c.first_response_at IS NULL AND c.status = 'TERBUKA'";
		String counted = answeredOnly ? "c.first_response_at IS NOT NULL AND " + within("c.filed_at", spans, params)
				: "(c.first_response_at IS NOT NULL OR " + waiting + ") AND " + within("c.filed_at", spans, params)
						+ " OR " + waiting + " AND " + within("c.filed_at", waitingIn, params);
		return """
				SELECT 'W' AS dimension, '' AS code,
				       floor(extract(epoch FROM coalesce(c.first_response_at, CAST(:now AS timestamptz)) - c.filed_at) / 60)::integer
				           AS minutes,
				       count(*) FILTER (WHERE c.first_response_at IS NOT NULL) AS on_time,
				       count(*) FILTER (WHERE c.first_response_at IS NULL) AS late
				FROM case_file c
				WHERE ("""
				+ counted + ")" + caseFilters(filter) + "\nGROUP BY 3";
	}

	/**
	 * Per day (in the zone) of the spans: cases filed that day by their status now, and
	 * assignments due that day: responded on time, late, returned (of which late), and
	 * waiting past due (before {@code :now}):
	 * {@code (day, filed, open, resolved, closed, on_time, late, returned, returned_late, overdue)},
	 * only days with something.
	 */
	static String days(List<Span> spans, DashboardFilter filter, Map<String, Object> params) {
		return """
				SELECT coalesce(f.day, o.day) AS day, coalesce(f.filed, 0) AS filed, coalesce(f.open, 0) AS open,
				       coalesce(f.resolved, 0) AS resolved, coalesce(f.closed, 0) AS closed,
				       coalesce(o.on_time, 0) AS on_time, coalesce(o.late, 0) AS late, coalesce(o.returned, 0) AS returned,
				       coalesce(o.returned_late, 0) AS returned_late, coalesce(o.overdue, 0) AS overdue
				FROM (
				    SELECT (c.filed_at AT TIME ZONE :zone)::date AS day, count(*) AS filed,
				           count(*) FILTER (WHERE c.status = 'TERBUKA') AS open,
				           count(*) FILTER (WHERE c.status = 'SELESAI') AS resolved,
				           count(*) FILTER (WHERE c.status = 'DITUTUP') AS closed
				    FROM case_file c WHERE\s"""
				+ within("c.filed_at", spans, params) + caseFilters(filter)
				+ """

						    GROUP BY 1) f
						FULL JOIN (
						    SELECT (a.due_at AT TIME ZONE :zone)::date AS day,
						           count(*) FILTER (WHERE a.responded_at <= a.due_at AND a.status <> 'DIKEMBALIKAN') AS on_time,
						           count(*) FILTER (WHERE a.responded_at > a.due_at AND a.status <> 'DIKEMBALIKAN') AS late,
						           count(*) FILTER (WHERE a.status = 'DIKEMBALIKAN') AS returned,
						           count(*) FILTER (WHERE a.status = 'DIKEMBALIKAN' AND a.responded_at > a.due_at) AS returned_late,
						           count(*) FILTER (WHERE a.responded_at IS NULL AND a.due_at < :now) AS overdue
						    FROM assignment a"""
				+ caseJoin(filter) + """

						WHERE a.status <> 'DIBATALKAN' AND\s""" + within("a.due_at", spans, params)
				+ filters(filter, true) + """

						GROUP BY 1) o ON o.day = f.day""";
	}

	/** {@code column} inside one of the spans; {@code false} for none. */
	static String within(String column, List<Span> spans, Map<String, Object> params) {
		if (spans.isEmpty()) {
			return "false";
		}
		List<String> conditions = new ArrayList<>();
		for (Span span : spans) {
			String name = "span" + params.size();
			params.put(name + "s", span.start().atOffset(ZoneOffset.UTC));
			params.put(name + "e", span.end().atOffset(ZoneOffset.UTC));
			conditions.add(column + " >= :" + name + "s AND " + column + " < :" + name + "e");
		}
		return "(" + String.join(" OR ", conditions) + ")";
	}

	/**
	 * The join to the case {@code c} of assignment {@code a}, where the filters need it.
	 */
	static String caseJoin(DashboardFilter filter) {
		return filter.kecamatan() != null || filter.category() != null || filter.priorityOnly()
				? " JOIN case_file c ON c.id = a.case_id" : "";
	}

	/** Filters on assignment {@code a} and its case {@code c}. */
	static String filters(DashboardFilter filter, boolean category) {
		List<String> conditions = new ArrayList<>();
		if (filter.kecamatan() != null) {
			conditions.add("c.kecamatan_code = :kecamatan");
		}
		if (filter.dinas() != null) {
			conditions.add("a.dinas_code = :dinas");
		}
		if (category && filter.category() != null) {
			conditions.add(
					"EXISTS (SELECT 1 FROM case_category fc WHERE fc.case_id = c.id AND fc.category_code = :category)");
		}
		if (filter.priorityOnly()) {
			conditions.add(PRIORITY_ONLY);
		}
		return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
	}

	/** Filters on a case {@code c} for the case counts. */
	static String caseFilters(DashboardFilter filter) {
		List<String> conditions = new ArrayList<>();
		if (filter.kecamatan() != null) {
			conditions.add("c.kecamatan_code = :kecamatan");
		}
		if (filter.dinas() != null) {
			conditions.add("EXISTS (SELECT 1 FROM assignment fa WHERE fa.case_id = c.id AND fa.dinas_code = :dinas)");
		}
		if (filter.category() != null) {
			conditions.add(
					"EXISTS (SELECT 1 FROM case_category fc WHERE fc.case_id = c.id AND fc.category_code = :category)");
		}
		if (filter.priorityOnly()) {
			conditions.add(PRIORITY_ONLY);
		}
		return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
	}

	/**
	 * "Hanya lokus prioritas": the case {@code c} lies in a desa the admin marked
	 * (residents' {@code priority_desa}, read-only).
	 */
	static final String PRIORITY_ONLY = "c.desa_code IN (SELECT desa_code FROM priority_desa)";

}
