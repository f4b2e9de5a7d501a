package id.ugdkemiskinan.residents.proposals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import id.ugdkemiskinan.residents.DataProposalsOverdue;
import id.ugdkemiskinan.sla.DeadlineTarget;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * The verval clock on the SLA sweeper: flags the proposals still waiting whose due time
 * has passed, once each, at their due time (the instant it was noticed kept beside it),
 * by one statement per batch over the partial index of waiting unflagged proposals,
 * locked {@code FOR UPDATE SKIP LOCKED} (several sweepers take disjoint rows; one being
 * decided right now is left alone); then publishes one {@link DataProposalsOverdue} for
 * the batch. After downtime the first sweep flags every overdue proposal at its own due
 * time.
 */
@Component
class ProposalDeadlines implements DeadlineTarget {

	private static final Logger log = LoggerFactory.getLogger(ProposalDeadlines.class);

	private static final String FLAG_OVERDUE = """
			WITH due AS (
			    SELECT id FROM data_proposal
			    WHERE status = 'MENUNGGU' AND breached_at IS NULL AND due_at <= :now
			    ORDER BY due_at LIMIT :batch FOR UPDATE SKIP LOCKED)
			UPDATE data_proposal d SET breached_at = d.due_at, breach_detected_at = :now
			FROM case_file c
			WHERE d.id = ANY (ARRAY(SELECT id FROM due)) AND c.id = d.case_id
			RETURNING d.id, d.kind, d.case_id, c.ticket, d.kecamatan_code, d.due_at""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher publisher;

	ProposalDeadlines(JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.publisher = publisher;
	}

	@Override
	public int flagOverdue(Instant now, int batch) {
		Integer flagged = this.transaction.execute(status -> {
			List<DataProposalsOverdue.Overdue> rows = this.jdbc.sql(FLAG_OVERDUE)
				.param("now", utc(now))
				.param("batch", batch)
				.query((rs, n) -> new DataProposalsOverdue.Overdue(rs.getLong("id"), rs.getString("kind"),
						rs.getLong("case_id"), rs.getString("ticket"), rs.getString("kecamatan_code"),
						rs.getObject("due_at", OffsetDateTime.class).toInstant()))
				.list();
			if (!rows.isEmpty()) {
				log.info("Verval sweep at {}: {} data proposals past their verval time", now, rows.size());
				this.publisher.publishEvent(new DataProposalsOverdue(now, rows));
			}
			return rows.size();
		});
		return flagged == null ? 0 : flagged;
	}

}
