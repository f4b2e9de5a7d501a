package id.ugdkemiskinan.cases.sweep;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.sla.SlaPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweep's dry run: for an instant, what a sweep then would record on each waiting
 * assignment (at risk, breached, escalated), read in a read-only transaction, writing
 * nothing. Its conditions are those of {@link SlaRecords}' statements, in the order the
 * sweeper runs them (at risk, then breached, then escalated, so an assignment breached by
 * this sweep escalates in it too when its escalation is due); {@code SweepDryRunTests}
 * runs the dry run and then the sweep at several instants and compares what they flag. It
 * assumes nobody responds in between and no sweep runs before that instant.
 */
@Component
class SweepDryRun {

	/** Would be flagged at risk: {@link SlaRecords#flagAtRisk}'s condition. */
	static final String AT_RISK = "a.at_risk_at IS NULL AND a.at_risk_from <= :now";

	/** Would be flagged breached: {@link SlaRecords#flagBreached}'s condition. */
	static final String BREACHED = "a.breached_at IS NULL AND a.due_at < :now";

	/**
	 * Would be escalated: {@link SlaRecords#flagEscalated}'s condition, on a breach
	 * recorded before or by this same sweep.
	 */
	static final String ESCALATED = "a.escalated_at IS NULL AND a.due_at < :escalationDue"
			+ " AND (a.breached_at IS NOT NULL OR a.due_at < :now)";

	private final JdbcClient jdbc;

	private final SlaPolicy policy;

	private final TransactionTemplate readOnly;

	SweepDryRun(JdbcClient jdbc, SlaPolicy policy, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** What a sweep at {@code now} would do with one waiting assignment. */
	record Decision(long assignmentId, String ticket, String dinasCode, String dinasName, String kecamatanName,
			String priority, List<String> categories, Instant assignedAt, Instant dueAt, Instant atRiskFrom,
			@Nullable Instant atRiskAt, @Nullable Instant breachedAt, @Nullable Instant escalatedAt,
			boolean workingHours, Instant escalationFrom, boolean flagsAtRisk, boolean flagsBreach,
			boolean flagsEscalation) {

		boolean flagsAnything() {
			return this.flagsAtRisk || this.flagsBreach || this.flagsEscalation;
		}

	}

	/** How many waiting assignments a sweep at that instant would flag, by flag. */
	record Counts(long waiting, long atRisk, long breached, long escalated, long none) {
	}

	/**
	 * One page of the decisions (flagged ones first, then by due time) and the counts.
	 */
	record Result(Instant now, Duration escalationAfter, Counts counts, List<Decision> decisions) {
	}

	Result at(Instant now, Paging paging) {
		Duration after = this.policy.escalationAfter();
		Result result = this.readOnly.execute(status -> new Result(now, after, counts(now, after),
				decisions(now, after, paging.size(), paging.offset())));
		if (result == null) {
			throw new IllegalStateException("no result");
		}
		return result;
	}

	private Counts counts(Instant now, Duration after) {
		return this.jdbc.sql("""
				SELECT count(*) AS waiting,
				       count(*) FILTER (WHERE %1$s) AS at_risk,
				       count(*) FILTER (WHERE %2$s) AS breached,
				       count(*) FILTER (WHERE %3$s) AS escalated,
				       count(*) FILTER (WHERE NOT ((%1$s) OR (%2$s) OR (%3$s))) AS none
				FROM assignment a WHERE a.status = 'MENUNGGU_RESPON'""".formatted(AT_RISK, BREACHED, ESCALATED))
			.param("now", Timestamp.from(now))
			.param("escalationDue", Timestamp.from(now.minus(after)))
			.query((rs, n) -> new Counts(rs.getLong("waiting"), rs.getLong("at_risk"), rs.getLong("breached"),
					rs.getLong("escalated"), rs.getLong("none")))
			.single();
	}

	private List<Decision> decisions(Instant now, Duration after, int limit, long offset) {
		return this.jdbc.sql("""
				SELECT a.id, c.ticket, a.dinas_code, d.name AS dinas_name, k.name AS kecamatan_name, c.priority,
				       ARRAY(SELECT cc.category_code FROM case_category cc WHERE cc.case_id = c.id
				             ORDER BY cc.category_code) AS categories,
				       a.assigned_at, a.due_at, a.at_risk_from, a.at_risk_at, a.breached_at, a.escalated_at,
				       a.due_in_working_hours, a.flags_at_risk, a.flags_breach, a.flags_escalation
				FROM (SELECT a.*, (%1$s) AS flags_at_risk, (%2$s) AS flags_breach, (%3$s) AS flags_escalation
				      FROM assignment a WHERE a.status = 'MENUNGGU_RESPON') a
				JOIN case_file c ON c.id = a.case_id
				JOIN dinas d ON d.code = a.dinas_code
				JOIN kecamatan k ON k.code = c.kecamatan_code
				ORDER BY (a.flags_at_risk OR a.flags_breach OR a.flags_escalation) DESC, a.due_at, a.id
				LIMIT :limit OFFSET :offset""".formatted(AT_RISK, BREACHED, ESCALATED))
			.param("now", Timestamp.from(now))
			.param("escalationDue", Timestamp.from(now.minus(after)))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> {
				Instant due = instant(rs, "due_at");
				return new Decision(rs.getLong("id"), rs.getString("ticket"), rs.getString("dinas_code"),
						rs.getString("dinas_name"), rs.getString("kecamatan_name"), rs.getString("priority"),
						List.of((String[]) rs.getArray("categories").getArray()), instant(rs, "assigned_at"), due,
						instant(rs, "at_risk_from"), instant(rs, "at_risk_at"), instant(rs, "breached_at"),
						instant(rs, "escalated_at"), rs.getBoolean("due_in_working_hours"), due.plus(after),
						rs.getBoolean("flags_at_risk"), rs.getBoolean("flags_breach"),
						rs.getBoolean("flags_escalation"));
			})
			.list();
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
