package id.ugdkemiskinan.cases.sweep;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import id.ugdkemiskinan.cases.AssignmentsFlagged;
import id.ugdkemiskinan.cases.AssignmentsFlagged.Flag;
import id.ugdkemiskinan.cases.AssignmentsFlagged.Flagged;
import id.ugdkemiskinan.sla.SweepTarget;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the four-hour promise on the assignments: at risk, breached, escalated. Each
 * flag is recorded once per assignment, whatever happens, by one statement per batch that
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

	public SlaRecords(JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.publisher = publisher;
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
				""" + recorded("AT_RISK"), Flag.AT_RISK, now, null, batch);
	}

	/**
	 * Flags up to {@code batch} assignments breached by {@code now}, at their due time;
	 * returns how many.
	 */
	@Override
	public int flagBreached(Instant now, int batch) {
		return flag("""
				WITH due AS (
				    SELECT id FROM assignment
				    WHERE status = 'MENUNGGU_RESPON' AND breached_at IS NULL AND due_at < :now
				    ORDER BY due_at LIMIT :batch FOR UPDATE SKIP LOCKED),
				flagged AS (
				    UPDATE assignment a SET breached_at = a.due_at, breach_detected_at = :now
				    WHERE a.id = ANY (ARRAY(SELECT id FROM due))
				    RETURNING a.id, a.case_id, a.dinas_code, a.breached_at AS happened_at),
				""" + recorded("BREACHED"), Flag.BREACHED, now, null, batch);
	}

	/**
	 * Escalates up to {@code batch} breached assignments still without response
	 * {@code after} their breach; returns how many.
	 */
	@Override
	public int flagEscalated(Instant now, Duration after, int batch) {
		return flag("""
				WITH due AS (
				    SELECT id FROM assignment
				    WHERE status = 'MENUNGGU_RESPON' AND escalated_at IS NULL AND due_at < :escalationDue
				      AND breached_at IS NOT NULL
				    ORDER BY due_at LIMIT :batch FOR UPDATE SKIP LOCKED),
				flagged AS (
				    UPDATE assignment a SET escalated_at = a.due_at + :after * interval '1 second',
				                            escalation_detected_at = :now
				    WHERE a.id = ANY (ARRAY(SELECT id FROM due))
				    RETURNING a.id, a.case_id, a.dinas_code, a.escalated_at AS happened_at),
				""" + recorded("ESCALATED"), Flag.ESCALATED, now, after, batch);
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

	private int flag(String sql, Flag kind, Instant now, Duration after, int batch) {
		Integer flagged = this.transaction.execute(status -> {
			JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
				.param("now", Timestamp.from(now))
				.param("batch", batch);
			if (after != null) {
				statement = statement.param("after", after.toSeconds())
					.param("escalationDue", Timestamp.from(now.minus(after)));
			}
			List<Flagged> rows = statement
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
