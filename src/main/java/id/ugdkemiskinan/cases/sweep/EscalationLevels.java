package id.ugdkemiskinan.cases.sweep;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.cases.AssignmentsFlagged;
import id.ugdkemiskinan.cases.AssignmentsFlagged.Flag;
import id.ugdkemiskinan.cases.AssignmentsFlagged.Flagged;
import id.ugdkemiskinan.sla.EscalationStep;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation chain on the assignments. When the breach is recorded, the levels of the
 * chain then in force are fixed for the assignment ({@code assignment_escalation}: each
 * level's name, its instant = due time + its minutes, its at-risk instant), and never
 * moved afterwards; {@code assignment.next_escalation_at} keeps the next of those
 * instants still to come. Each batch then
 * <ol>
 * <li>locks waiting assignments whose next instant has passed (as for the breach: at the
 * instant itself it has not happened yet, so every locked assignment records something
 * and moves on), through the partial index over {@code next_escalation_at} (an idle sweep
 * reads no row), {@code FOR UPDATE SKIP
 * LOCKED}: several sweepers take disjoint assignments, and a response being written is
 * left alone (a response ends the chain: the assignment leaves the index);</li>
 * <li>in a second statement (whose snapshot sees everything committed before the locks
 * were taken) records every at-risk warning and escalation whose instant has come, each
 * once, at its own instant, in order (after downtime, several levels at once), with the
 * timeline events, and advances {@code next_escalation_at} and the level reached;</li>
 * <li>publishes one {@link AssignmentsFlagged} per kind for the batch, in its
 * transaction.</li>
 * </ol>
 */
final class EscalationLevels {

	/**
	 * The chain in force as {@code windows} (level, name, after_seconds, at_risk_seconds,
	 * from the due time; at_risk_seconds NULL when the level's window is empty), to be
	 * put into a {@code WITH}.
	 */
	static final String FIXED = """
			chain AS (
			    SELECT * FROM unnest(CAST(:levels AS integer[]), CAST(:names AS text[]),
			                         CAST(:afterMinutes AS integer[]), CAST(:atRiskPercents AS integer[]))
			      AS c (level, name, after_minutes, at_risk_percent)),
			windows AS (
			    SELECT level, name, after_minutes * 60 AS after_seconds,
			           CASE WHEN after_minutes > from_minutes
			                THEN round((from_minutes + (after_minutes - from_minutes) * at_risk_percent / 100.0) * 60) END
			             AS at_risk_seconds
			    FROM (SELECT c.*, lag(c.after_minutes, 1, 0) OVER (ORDER BY c.level) AS from_minutes FROM chain c) w),
			""";

	private static final String LOCK = """
			SELECT id FROM assignment
			WHERE status = 'MENUNGGU_RESPON' AND next_escalation_at IS NOT NULL AND next_escalation_at < :now
			ORDER BY next_escalation_at LIMIT :batch FOR UPDATE SKIP LOCKED""";

	private static final String ADVANCE = """
			WITH steps AS (
			    SELECT e.assignment_id, e.level, e.name, e.at_risk_from, e.due_at,
			           e.at_risk_at IS NULL AND e.at_risk_from < :now AS warn,
			           e.at_risk_at IS NULL AND e.at_risk_from >= :now AS warn_later,
			           e.escalated_at IS NULL AND e.due_at < :now AS escalate,
			           e.escalated_at IS NULL AND e.due_at >= :now AS escalate_later
			    FROM assignment_escalation e WHERE e.assignment_id = ANY (CAST(:ids AS bigint[]))),
			moved AS (
			    UPDATE assignment_escalation e
			    SET at_risk_at = CASE WHEN s.warn THEN s.at_risk_from ELSE e.at_risk_at END,
			        at_risk_detected_at = CASE WHEN s.warn THEN CAST(:now AS timestamptz) ELSE e.at_risk_detected_at END,
			        escalated_at = CASE WHEN s.escalate THEN s.due_at ELSE e.escalated_at END,
			        detected_at = CASE WHEN s.escalate THEN CAST(:now AS timestamptz) ELSE e.detected_at END
			    FROM steps s
			    WHERE e.assignment_id = s.assignment_id AND e.level = s.level AND (s.warn OR s.escalate)),
			advanced AS (
			    UPDATE assignment a
			    SET next_escalation_at = (SELECT min(CASE WHEN s.warn_later THEN s.at_risk_from
			                                              WHEN s.escalate_later THEN s.due_at END)
			                              FROM steps s WHERE s.assignment_id = a.id),
			        escalation_level = coalesce((SELECT max(s.level) FROM steps s WHERE s.assignment_id = a.id AND s.escalate),
			                                    a.escalation_level),
			        escalated_at = coalesce(a.escalated_at,
			                                (SELECT min(s.due_at) FROM steps s WHERE s.assignment_id = a.id AND s.escalate)),
			        escalation_detected_at = CASE WHEN a.escalated_at IS NULL
			                                       AND EXISTS (SELECT 1 FROM steps s WHERE s.assignment_id = a.id AND s.escalate)
			                                      THEN CAST(:now AS timestamptz) ELSE a.escalation_detected_at END
			    WHERE a.id = ANY (CAST(:ids AS bigint[]))),
			happened AS (
			    SELECT assignment_id, level, name, at_risk_from AS happened_at, 'ESCALATION_AT_RISK' AS type, 0 AS step
			    FROM steps WHERE warn
			    UNION ALL
			    SELECT assignment_id, level, name, due_at, 'ESCALATED', 1 FROM steps WHERE escalate),
			events AS (
			    INSERT INTO case_event (case_id, assignment_id, type, dinas_code, occurred_at, detected_at, note, escalation_level)
			    SELECT a.case_id, h.assignment_id, h.type, a.dinas_code, h.happened_at, :now, 'Level ' || h.level || ': ' || h.name, h.level
			    FROM happened h JOIN assignment a ON a.id = h.assignment_id
			    ORDER BY h.assignment_id, h.happened_at, h.level, h.step
			    RETURNING id, case_id, assignment_id, type, dinas_code, occurred_at, escalation_level)
			SELECT e.id, e.case_id, c.ticket, e.assignment_id, e.type, e.dinas_code, e.occurred_at, e.escalation_level
			FROM events e JOIN case_file c ON c.id = e.case_id
			ORDER BY e.id""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher publisher;

	EscalationLevels(JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.publisher = publisher;
	}

	/** The parameters of {@link #FIXED} for a chain. */
	static Map<String, Object> params(List<EscalationStep> chain) {
		int size = chain.size();
		Integer[] levels = new Integer[size];
		String[] names = new String[size];
		Integer[] after = new Integer[size];
		Integer[] percents = new Integer[size];
		for (int i = 0; i < size; i++) {
			EscalationStep step = chain.get(i);
			levels[i] = step.level();
			names[i] = step.name();
			after[i] = Math.toIntExact(step.after().toMinutes());
			percents[i] = step.atRiskPercent();
		}
		return Map.of("levels", levels, "names", names, "afterMinutes", after, "atRiskPercents", percents);
	}

	/** One batch: returns how many assignments moved along their chain. */
	int advance(Instant now, int batch) {
		Integer moved = this.transaction.execute(status -> {
			Long[] ids = this.jdbc.sql(LOCK)
				.param("now", Timestamp.from(now))
				.param("batch", batch)
				.query(Long.class)
				.list()
				.toArray(Long[]::new);
			if (ids.length == 0) {
				return 0;
			}
			List<Flagged> warned = new ArrayList<>();
			List<Flagged> escalated = new ArrayList<>();
			this.jdbc.sql(ADVANCE).param("now", Timestamp.from(now)).param("ids", ids).query(rs -> {
				Flagged flagged = new Flagged(rs.getLong("id"), rs.getLong("case_id"), rs.getString("ticket"),
						rs.getLong("assignment_id"), rs.getString("dinas_code"),
						rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getInt("escalation_level"));
				("ESCALATED".equals(rs.getString("type")) ? escalated : warned).add(flagged);
			});
			if (!warned.isEmpty()) {
				this.publisher.publishEvent(new AssignmentsFlagged(Flag.ESCALATION_AT_RISK, now, warned));
			}
			if (!escalated.isEmpty()) {
				this.publisher.publishEvent(new AssignmentsFlagged(Flag.ESCALATED, now, escalated));
			}
			return ids.length;
		});
		return moved == null ? 0 : moved;
	}

}
