package id.ugdkemiskinan.cases.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which escalation clock a breached assignment is on, for the case page
 * ({@code @escalationClocks} in its template, after the controller found the case in the
 * user's scope): the level reached and the next level with its fixed instant, from the
 * levels fixed at its breach ({@code assignment_escalation}).
 */
@Component("escalationClocks")
public class EscalationClocks {

	private final JdbcClient jdbc;

	EscalationClocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One assignment's clock: the level reached (null before the first) and the next
	 * level (null after the last).
	 */
	public record Clock(@Nullable Integer reachedLevel, @Nullable String reachedName, @Nullable Integer nextLevel,
			@Nullable String nextName, @Nullable Instant nextAt) {
	}

	/**
	 * The clocks of a case's assignments that have escalation levels, by assignment id.
	 */
	public Map<Long, Clock> ofCase(long caseId) {
		Map<Long, Clock> clocks = new HashMap<>();
		this.jdbc.sql("""
				SELECT a.id,
				       r.level AS reached_level, r.name AS reached_name, n.level AS next_level, n.name AS next_name,
				       n.due_at AS next_at
				FROM assignment a
				LEFT JOIN LATERAL (SELECT e.level, e.name FROM assignment_escalation e
				                   WHERE e.assignment_id = a.id AND e.escalated_at IS NOT NULL
				                   ORDER BY e.level DESC LIMIT 1) r ON true
				LEFT JOIN LATERAL (SELECT e.level, e.name, e.due_at FROM assignment_escalation e
				                   WHERE e.assignment_id = a.id AND e.escalated_at IS NULL
				                   ORDER BY e.level LIMIT 1) n ON true
				WHERE a.case_id = :case AND (r.level IS NOT NULL OR n.level IS NOT NULL)""")
			.param("case", caseId)
			.query((RowCallbackHandler) rs -> {
				OffsetDateTime next = rs.getObject("next_at", OffsetDateTime.class);
				clocks.put(rs.getLong("id"),
						new Clock((Integer) rs.getObject("reached_level"), rs.getString("reached_name"),
								(Integer) rs.getObject("next_level"), rs.getString("next_name"),
								next == null ? null : next.toInstant()));
			});
		return clocks;
	}

}
