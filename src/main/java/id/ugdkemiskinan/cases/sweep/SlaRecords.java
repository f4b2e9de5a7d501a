package id.ugdkemiskinan.cases.sweep;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.cases.AssignmentsFlagged;
import id.ugdkemiskinan.cases.AssignmentsFlagged.Flag;
import id.ugdkemiskinan.cases.AssignmentsFlagged.Flagged;
import id.ugdkemiskinan.sla.EscalationStep;
import id.ugdkemiskinan.sla.SweepTarget;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the four-hour promise on the assignments: at risk, breached, and each level of
 * the escalation chain ({@link EscalationLevels}). Each flag is recorded once per
 * assignment, whatever happens, by one statement per batch that
 * <ol>
 * <li>picks waiting, not yet flagged assignments whose instant has come, through a
 * partial index over exactly those rows, and locks them {@code FOR UPDATE SKIP LOCKED}:
 * several instances sweeping at once take disjoint rows, and a row whose response is
 * being written right now is left alone (if that response commits, it was in time; if
 * not, the next sweep takes it);</li>
 * <li>sets the flag to the instant it happened (the breach instant is the due time) and
 * keeps the instant it was detected beside it;</li>
 * <li>writes the timeline events in the same statement and returns them.</li>
 * </ol>
 * Then, in the batch's transaction still, it publishes one {@link AssignmentsFlagged} for
 * the whole batch (the notifications module writes that batch's notifications in one
 * statement). A sweep interrupted half-way has committed whole batches only; the rest is
 * picked up next time.
 */
@Component
public class SlaRecords implements SweepTarget {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher publisher;

	private final EscalationLevels levels;

	public SlaRecords(JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.publisher = publisher;
		this.levels = new EscalationLevels(jdbc, transaction, publisher);
	}

	/** Flags up to {@code batch} assignments at risk by {@code now}; returns how many. */
	@Override
	public int flagAtRisk(Instant now, int batch) {
		return flag("""
				WITH due AS (
				    SELECT id FROM assignment
				    WHERE status = 'MENUNGGU_RESPON' AND at_risk_at IS NULL AND at_risk_from <= :now
				    ORDER BY at_risk_from LIMIT :batch FOR UPDATE SKIP LOCKED),
				flagged AS (
				    UPDATE assignment a SET at_risk_at = a.at_risk_from, at_risk_detected_at = :now
				    WHERE a.id = ANY (ARRAY(SELECT id FROM due))
				    RETURNING a.id, a.case_id, a.dinas_code, a.at_risk_at AS happened_at),
				""" + recorded("AT_RISK"), Flag.AT_RISK, now, Map.of(), batch);
	}

	/**
	 * Flags up to {@code batch} assignments breached by {@code now}, at their due time,
	 * and fixes their escalation levels from {@code chain}; returns how many.
	 */
	@Override
	public int flagBreached(Instant now, List<EscalationStep> chain, int batch) {
		return flag("""
				WITH due AS (
				    SELECT id FROM assignment
				    WHERE status = 'MENUNGGU_RESPON' AND breached_at IS NULL AND due_at < :now
				    ORDER BY due_at LIMIT :batch FOR UPDATE SKIP LOCKED),
				""" + EscalationLevels.FIXED
				+ """
						flagged AS (
						    UPDATE assignment a SET breached_at = a.due_at, breach_detected_at = :now,
						                            next_escalation_at = a.due_at + (SELECT min(coalesce(w.at_risk_seconds, w.after_seconds))
						                                                             FROM windows w) * interval '1 second'
						    WHERE a.id = ANY (ARRAY(SELECT id FROM due))
						    RETURNING a.id, a.case_id, a.dinas_code, a.breached_at AS happened_at),
						levels AS (
						    INSERT INTO assignment_escalation (assignment_id, level, name, due_at, at_risk_from)
						    SELECT f.id, w.level, w.name, f.happened_at + w.after_seconds * interval '1 second',
						           f.happened_at + w.at_risk_seconds * interval '1 second'
						    FROM flagged f CROSS JOIN windows w),
						"""
				+ recorded("BREACHED"), Flag.BREACHED, now, EscalationLevels.params(chain), batch);
	}

	/**
	 * Moves up to {@code batch} breached assignments along their escalation levels;
	 * returns how many.
	 */
	@Override
	public int flagEscalations(Instant now, int batch) {
		return this.levels.advance(now, batch);
	}

	/**
	 * The rest of the statement after {@code flagged}: the timeline events, returned with
	 * their case's ticket, all in one statement.
	 */
	private static String recorded(String type) {
		return """
				events AS (
				    INSERT INTO case_event (case_id, assignment_id, type, dinas_code, occurred_at, detected_at)
				    SELECT case_id, id, '%s', dinas_code, happened_at, :now FROM flagged
				    RETURNING id, case_id, assignment_id, dinas_code, occurred_at)
				SELECT e.id, e.case_id, c.ticket, e.assignment_id, e.dinas_code, e.occurred_at
				FROM events e JOIN case_file c ON c.id = e.case_id
				ORDER BY e.id""".formatted(type);
	}

	private int flag(String sql, Flag kind, Instant now, Map<String, Object> params, int batch) {
		Integer flagged = this.transaction.execute(status -> {
			List<Flagged> rows = this.jdbc.sql(sql)
				.params(params)
				.param("now", Timestamp.from(now))
				.param("batch", batch)
				.query((rs, n) -> new Flagged(rs.getLong("id"), rs.getLong("case_id"), rs.getString("ticket"),
						rs.getLong("assignment_id"), rs.getString("dinas_code"),
						rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
				.list();
			if (!rows.isEmpty()) {
				this.publisher.publishEvent(new AssignmentsFlagged(kind, now, rows));
			}
			return rows.size();
		});
		return flagged == null ? 0 : flagged;
	}

}
