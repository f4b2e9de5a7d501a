package id.ugdkemiskinan.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import id.ugdkemiskinan.common.TimeProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Ditahan": the holds ("menunggu dokumen/warga") of the dinas, with the dashboard's
 * filters. {@code heldNow}: assignments on hold now (whatever the period, as the breaches
 * now; a hold past its limit is not held any more, even before the sweep ends it);
 * {@code started}: holds started in the period; {@code limitReached}: holds that ended at
 * their limit in the period; {@code heldMinutes}: the time held within the period (each
 * hold from its start to its end, an open one up to now and at most its limit, clipped to
 * the period). Read from cases' {@code assignment_hold}, as the other figures read its
 * tables.
 */
@Component
class HoldFigures {

	record Held(long heldNow, long started, long limitReached, long heldMinutes) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TimeProperties time;

	HoldFigures(JdbcClient jdbc, Clock clock, TimeProperties time) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.time = time;
	}

	Held of(DashboardFilter filter) {
		Instant now = this.clock.instant();
		Instant from = filter.from().atStartOfDay(this.time.zone()).toInstant();
		Instant to = filter.to().plusDays(1).atStartOfDay(this.time.zone()).toInstant();
		Map<String, Object> params = new HashMap<>();
		params.put("now", Timestamp.from(now));
		params.put("from", Timestamp.from(from));
		params.put("to", Timestamp.from(to));
		params.put("kecamatan", filter.kecamatan());
		params.put("dinas", filter.dinas());
		params.put("category", filter.category());
		return this.jdbc
			.sql("""
					SELECT count(*) FILTER (WHERE h.ended_at IS NULL AND h.limit_at > :now) AS held_now,
					       count(*) FILTER (WHERE h.started_at >= :from AND h.started_at < :to) AS started,
					       count(*) FILTER (WHERE h.end_reason = 'LIMIT_REACHED' AND h.limit_at >= :from AND h.limit_at < :to)
					           AS limit_reached,
					       coalesce(sum(greatest(0, extract(epoch FROM
					           least(coalesce(h.ended_at, least(h.limit_at, CAST(:now AS timestamptz))), :to, :now)
					           - greatest(h.started_at, :from)))), 0)::bigint / 60 AS held_minutes
					FROM assignment_hold h JOIN assignment a ON a.id = h.assignment_id"""
					+ RawFigures.caseJoin(filter) + """

							WHERE (h.ended_at IS NULL OR (h.ended_at > :from AND h.started_at < :to))"""
					+ RawFigures.filters(filter, true))
			.params(params)
			.query((rs, n) -> new Held(rs.getLong("held_now"), rs.getLong("started"), rs.getLong("limit_reached"),
					rs.getLong("held_minutes")))
			.single();
	}

}
