package id.ugdkemiskinan.cases.sweep;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import id.ugdkemiskinan.notifications.Notifications;
import id.ugdkemiskinan.sla.SweepTarget;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the four-hour promise on the assignments: at risk, breached, escalated. Each flag is
 * recorded once per assignment, whatever happens, by one statement per batch that
 * <ol>
 * <li>picks waiting, not yet flagged assignments whose instant has come, through a partial index
 * over exactly those rows, and locks them {@code FOR UPDATE SKIP LOCKED}: several instances sweeping
 * at once take disjoint rows, and a row whose response is being written right now is left alone
 * (if that response commits, it was in time; if not, the next sweep takes it);</li>
 * <li>sets the flag to the instant it happened (the breach instant is the due time) and keeps the
 * instant it was detected beside it;</li>
 * <li>writes the timeline events and, from them, the notifications, in the same statement.</li>
 * </ol>
 * A sweep interrupted half-way has committed whole batches only; the rest is picked up next time.
 */
@Component
public class SlaRecords implements SweepTarget {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	public SlaRecords(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
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
				""" + recorded("AT_RISK"), now, null, batch);
	}

	/** Flags up to {@code batch} assignments breached by {@code now}, at their due time; returns how many. */
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
				""" + recorded("BREACHED"), now, null, batch);
	}

	/**
	 * Escalates up to {@code batch} breached assignments still without response {@code after} their
	 * breach; returns how many.
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
				""" + recorded("ESCALATED"), now, after, batch);
	}

	/**
	 * The rest of the statement after {@code flagged}: the timeline events, and the notifications
	 * straight from the events just written (no look-up), all in one statement.
	 */
	private static String recorded(String type) {
		return """
				events AS (
				    INSERT INTO case_event (case_id, assignment_id, type, dinas_code, occurred_at, detected_at)
				    SELECT case_id, id, '%s', dinas_code, happened_at, :now FROM flagged
				    RETURNING id, case_id, dinas_code, type),
				notified AS (
				""".formatted(type) + Notifications.insertNotificationsFor("events") + """

				    RETURNING 1)
				SELECT count(*) FROM events""";
	}

	private int flag(String sql, Instant now, Duration after, int batch) {
		Integer flagged = this.transaction.execute(status -> {
			JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
				.param("now", Timestamp.from(now))
				.param("batch", batch);
			if (after != null) {
				statement = statement.param("after", after.toSeconds())
					.param("escalationDue", Timestamp.from(now.minus(after)));
			}
			return statement.query(Integer.class).single();
		});
		return flagged == null ? 0 : flagged;
	}

}
