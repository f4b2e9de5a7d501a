package id.ugdkemiskinan.cases.sweep;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import id.ugdkemiskinan.cases.AssignmentHoldsExpired;
import id.ugdkemiskinan.cases.AssignmentsFlagged.Flagged;
import id.ugdkemiskinan.sla.HoldTarget;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the holds whose limit has passed: "the clock runs again". Like {@link SlaRecords},
 * once per hold, whatever happens, by one statement per batch that picks open holds past
 * their limit through the partial index over open holds, locks them
 * {@code FOR UPDATE SKIP LOCKED} (several sweepers take disjoint rows; a hold being
 * resumed or closed right now is left alone), ends each at its limit (the instant it
 * happened, the instant it was noticed kept beside it) and writes the
 * {@code HOLD_LIMIT_REACHED} timeline events, with the hold's reason, in the same
 * statement; then publishes one {@link AssignmentHoldsExpired} for the batch (the
 * notifications module tells the secretariat in the same transaction). After downtime the
 * first sweep ends every overdue hold at its own limit.
 */
@Component
public class HoldRecords implements HoldTarget {

	private static final String END_OVERDUE = """
			WITH due AS (
			    SELECT id FROM assignment_hold
			    WHERE ended_at IS NULL AND limit_at <= :now%s
			    ORDER BY limit_at LIMIT :batch FOR UPDATE SKIP LOCKED),
			ended AS (
			    UPDATE assignment_hold h SET ended_at = h.limit_at, end_reason = 'LIMIT_REACHED', limit_detected_at = :now
			    WHERE h.id = ANY (ARRAY(SELECT id FROM due))
			    RETURNING h.assignment_id, h.reason, h.limit_at),
			events AS (
			    INSERT INTO case_event (case_id, assignment_id, type, dinas_code, occurred_at, detected_at, note)
			    SELECT a.case_id, a.id, 'HOLD_LIMIT_REACHED', a.dinas_code, e.limit_at, :now, e.reason
			    FROM ended e JOIN assignment a ON a.id = e.assignment_id
			    RETURNING id, case_id, assignment_id, dinas_code, occurred_at)
			SELECT e.id, e.case_id, c.ticket, e.assignment_id, e.dinas_code, e.occurred_at
			FROM events e JOIN case_file c ON c.id = e.case_id
			ORDER BY e.id""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher publisher;

	public HoldRecords(JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.publisher = publisher;
	}

	@Override
	public int endOverdueHolds(Instant now, int batch) {
		return end(now, batch, null);
	}

	/**
	 * Ends the hold of one assignment if its limit has passed by {@code now} (before a
	 * resume or a close that comes after the limit, ahead of the sweep), in the caller's
	 * transaction; returns whether it did.
	 */
	public boolean endIfOverdue(Instant now, long assignmentId) {
		return end(now, 1, assignmentId) == 1;
	}

	private int end(Instant now, int batch, @Nullable Long assignmentId) {
		Integer ended = this.transaction.execute(status -> {
			JdbcClient.StatementSpec statement = this.jdbc
				.sql(END_OVERDUE.formatted(assignmentId == null ? "" : " AND assignment_id = :assignment"))
				.param("now", Timestamp.from(now))
				.param("batch", batch);
			if (assignmentId != null) {
				statement = statement.param("assignment", assignmentId);
			}
			List<Flagged> rows = statement
				.query((rs, n) -> new Flagged(rs.getLong("id"), rs.getLong("case_id"), rs.getString("ticket"),
						rs.getLong("assignment_id"), rs.getString("dinas_code"),
						rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
				.list();
			if (!rows.isEmpty()) {
				this.publisher.publishEvent(new AssignmentHoldsExpired(now, rows));
			}
			return rows.size();
		});
		return ended == null ? 0 : ended;
	}

}
