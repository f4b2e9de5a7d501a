package id.ugdkemiskinan.cases.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The holds of assignments as pages show them: which clock an assignment is on (its hold
 * limit while held), since when and why, and whether the limit has passed (live, from the
 * clock, the second it happens; the sweep ends the hold and tells the secretariat).
 */
@Component
public class HoldQueries {

	private final JdbcClient jdbc;

	private final Clock clock;

	HoldQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One hold. {@code endReason}: RESUMED, LIMIT_REACHED, RESOLVED, RETURNED, CANCELLED.
	 */
	public record HoldView(long assignmentId, String reason, @Nullable String heldByName, Instant startedAt,
			Instant limitAt, @Nullable Instant endedAt, @Nullable String endReason) {

		public boolean open() {
			return this.endedAt == null;
		}

		public boolean limitReached() {
			return "LIMIT_REACHED".equals(this.endReason);
		}

	}

	/**
	 * An assignment's holds: {@code current} the open one, if any; {@code limitPassed}
	 * whether the current one is past its limit now (not yet swept);
	 * {@code lastLimitReached} the latest hold if it ended at its limit ("batas tahan
	 * terlewati"); {@code last} the latest hold; {@code total} the time held, the open
	 * hold counted up to now.
	 */
	public record HoldState(@Nullable HoldView current, boolean limitPassed, @Nullable HoldView lastLimitReached,
			HoldView last, int holds, Duration total) {

		public boolean held() {
			return this.current != null;
		}

	}

	/** The holds of each assignment of the case that has any, by assignment id. */
	public Map<Long, HoldState> ofCase(long caseId) {
		return states(this.jdbc.sql("""
				SELECT h.* FROM assignment_hold h JOIN assignment a ON a.id = h.assignment_id
				WHERE a.case_id = :case ORDER BY h.assignment_id, h.started_at, h.id""")
			.param("case", caseId)
			.query((rs, n) -> view(rs))
			.list());
	}

	/** The holds of the assignments given (a queue's page), by assignment id. */
	public Map<Long, HoldState> ofAssignments(Collection<Long> assignmentIds) {
		if (assignmentIds.isEmpty()) {
			return Map.of();
		}
		return states(this.jdbc.sql("""
				SELECT h.* FROM assignment_hold h WHERE h.assignment_id IN (:ids)
				ORDER BY h.assignment_id, h.started_at, h.id""")
			.param("ids", assignmentIds)
			.query((rs, n) -> view(rs))
			.list());
	}

	private Map<Long, HoldState> states(List<HoldView> holds) {
		Instant now = this.clock.instant();
		Map<Long, List<HoldView>> byAssignment = new LinkedHashMap<>();
		holds.forEach(h -> byAssignment.computeIfAbsent(h.assignmentId(), id -> new java.util.ArrayList<>()).add(h));
		Map<Long, HoldState> states = new HashMap<>();
		byAssignment.forEach((id, list) -> {
			HoldView last = list.get(list.size() - 1);
			HoldView current = last.open() ? last : null;
			Duration total = Duration.ZERO;
			for (HoldView h : list) {
				Instant end = h.endedAt() != null ? h.endedAt() : (now.isBefore(h.limitAt()) ? now : h.limitAt());
				if (end.isAfter(h.startedAt())) {
					total = total.plus(Duration.between(h.startedAt(), end));
				}
			}
			states.put(id, new HoldState(current, current != null && !now.isBefore(current.limitAt()),
					last.limitReached() ? last : null, last, list.size(), total));
		});
		return states;
	}

	private static HoldView view(ResultSet rs) throws SQLException {
		OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
		return new HoldView(rs.getLong("assignment_id"), rs.getString("reason"), rs.getString("held_by_name"),
				rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				rs.getObject("limit_at", OffsetDateTime.class).toInstant(), ended == null ? null : ended.toInstant(),
				rs.getString("end_reason"));
	}

}
