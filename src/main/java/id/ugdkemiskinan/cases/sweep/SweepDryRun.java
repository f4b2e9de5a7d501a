package id.ugdkemiskinan.cases.sweep;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.sla.EscalationChain;
import id.ugdkemiskinan.sla.EscalationStep;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweep's dry run: for an instant, what a sweep then would record on each waiting
 * assignment (at risk, breached, a step along its escalation chain), read in a read-only
 * transaction, writing nothing. Its conditions are those of {@link SlaRecords}' and
 * {@link EscalationLevels}' statements, in the order the sweeper runs them (at risk, then
 * breached, then the chain, so an assignment breached by this sweep takes its first
 * escalation step in it too when that is due); {@code SweepDryRunTests} runs the dry run
 * and then the sweep at several instants and compares what they record. It assumes nobody
 * responds in between, no sweep runs before that instant and the chain is not changed.
 */
@Component
class SweepDryRun {

	/** Would be flagged at risk: {@link SlaRecords#flagAtRisk}'s condition. */
	static final String AT_RISK = "a.at_risk_at IS NULL AND a.at_risk_from <= :now";

	/** Would be flagged breached: {@link SlaRecords#flagBreached}'s condition. */
	static final String BREACHED = "a.breached_at IS NULL AND a.due_at < :now";

	/**
	 * Would take a step along its escalation chain (a level's warning or the level):
	 * {@link EscalationLevels}' condition on a breach recorded before, or on one recorded
	 * by this same sweep, whose chain (the one in force now) then starts with a step
	 * whose instant has passed ({@code :firstStep} seconds after the due time, -1 for no
	 * chain).
	 */
	static final String ESCALATED = "((a.breached_at IS NOT NULL AND a.next_escalation_at IS NOT NULL"
			+ " AND a.next_escalation_at < :now) OR (a.breached_at IS NULL AND a.due_at < :now"
			+ " AND :firstStep >= 0 AND a.due_at + :firstStep * interval '1 second' < :now))";

	private final JdbcClient jdbc;

	private final EscalationChain chain;

	private final TransactionTemplate readOnly;

	SweepDryRun(JdbcClient jdbc, EscalationChain chain, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.chain = chain;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * The next step of an assignment's escalation chain: a level's warning
	 * ({@code warning}) or the level itself, at {@code at}.
	 */
	record Step(int level, String name, boolean warning, Instant at) {
	}

	/**
	 * What a sweep at {@code now} would do with one waiting assignment; {@code next} its
	 * next escalation step (from its own fixed chain once breached, from the chain in
	 * force before), {@code null} when none is left; {@code levelReached} the highest
	 * level it escalated to, 0 for none.
	 */
	record Decision(long assignmentId, String ticket, String dinasCode, String dinasName, String kecamatanName,
			String priority, List<String> categories, Instant assignedAt, Instant dueAt, Instant atRiskFrom,
			@Nullable Instant atRiskAt, @Nullable Instant breachedAt, int levelReached, @Nullable Step next,
			boolean workingHours, boolean flagsAtRisk, boolean flagsBreach, boolean flagsEscalation) {

		boolean flagsAnything() {
			return this.flagsAtRisk || this.flagsBreach || this.flagsEscalation;
		}

	}

	/** How many waiting assignments a sweep at that instant would flag, by flag. */
	record Counts(long waiting, long atRisk, long breached, long escalated, long none) {
	}

	/**
	 * One page of the decisions (flagged ones first, then by due time), the counts, and
	 * the chain in force.
	 */
	record Result(Instant now, List<EscalationStep> chain, Counts counts, List<Decision> decisions) {
	}

	Result at(Instant now, Paging paging) {
		Result result = this.readOnly.execute(status -> {
			List<EscalationStep> steps = this.chain.active();
			long firstStep = firstStepSeconds(steps);
			return new Result(now, steps, counts(now, firstStep),
					decisions(now, steps, firstStep, paging.size(), paging.offset()));
		});
		if (result == null) {
			throw new IllegalStateException("no result");
		}
		return result;
	}

	/**
	 * Seconds from the due time to the first step of the chain as
	 * {@link EscalationLevels} fixes it at the breach (the first level's warning, or the
	 * level when its window is empty); -1 without a chain.
	 */
	static long firstStepSeconds(List<EscalationStep> steps) {
		long first = -1;
		long fromMinutes = 0;
		for (EscalationStep step : steps) {
			long after = step.after().toMinutes();
			long seconds = (after > fromMinutes)
					? Math.round((fromMinutes + (after - fromMinutes) * step.atRiskPercent() / 100.0) * 60)
					: after * 60;
			first = (first < 0) ? seconds : Math.min(first, seconds);
			fromMinutes = after;
		}
		return first;
	}

	private Counts counts(Instant now, long firstStep) {
		return this.jdbc.sql("""
				SELECT count(*) AS waiting,
				       count(*) FILTER (WHERE %1$s) AS at_risk,
				       count(*) FILTER (WHERE %2$s) AS breached,
				       count(*) FILTER (WHERE %3$s) AS escalated,
				       count(*) FILTER (WHERE NOT ((%1$s) OR (%2$s) OR (%3$s))) AS none
				FROM assignment a WHERE a.status = 'MENUNGGU_RESPON'""".formatted(AT_RISK, BREACHED, ESCALATED))
			.param("now", Timestamp.from(now))
			.param("firstStep", firstStep)
			.query((rs, n) -> new Counts(rs.getLong("waiting"), rs.getLong("at_risk"), rs.getLong("breached"),
					rs.getLong("escalated"), rs.getLong("none")))
			.single();
	}

	private List<Decision> decisions(Instant now, List<EscalationStep> steps, long firstStep, int limit, long offset) {
		return this.jdbc.sql("""
				SELECT a.id, c.ticket, a.dinas_code, d.name AS dinas_name, k.name AS kecamatan_name, c.priority,
				       ARRAY(SELECT cc.category_code FROM case_category cc WHERE cc.case_id = c.id
				             ORDER BY cc.category_code) AS categories,
				       a.assigned_at, a.due_at, a.at_risk_from, a.at_risk_at, a.breached_at, a.escalation_level,
				       a.next_escalation_at, nx.level AS next_level, nx.name AS next_name, nx.warning AS next_warning,
				       a.due_in_working_hours, a.flags_at_risk, a.flags_breach, a.flags_escalation
				FROM (SELECT a.*, (%1$s) AS flags_at_risk, (%2$s) AS flags_breach, (%3$s) AS flags_escalation
				      FROM assignment a WHERE a.status = 'MENUNGGU_RESPON') a
				JOIN case_file c ON c.id = a.case_id
				JOIN dinas d ON d.code = a.dinas_code
				JOIN kecamatan k ON k.code = c.kecamatan_code
				LEFT JOIN LATERAL (
				    SELECT e.level, e.name, (e.at_risk_at IS NULL AND e.at_risk_from = a.next_escalation_at) AS warning
				    FROM assignment_escalation e
				    WHERE e.assignment_id = a.id
				      AND (e.due_at = a.next_escalation_at OR e.at_risk_from = a.next_escalation_at)
				    ORDER BY e.level LIMIT 1) nx ON a.next_escalation_at IS NOT NULL
				ORDER BY (a.flags_at_risk OR a.flags_breach OR a.flags_escalation) DESC, a.due_at, a.id
				LIMIT :limit OFFSET :offset""".formatted(AT_RISK, BREACHED, ESCALATED))
			.param("now", Timestamp.from(now))
			.param("firstStep", firstStep)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> {
				Instant due = instant(rs, "due_at");
				Instant breached = instant(rs, "breached_at");
				Step next = null;
				if (breached == null) {
					// Not breached yet: its chain will be the one in force, from its due
					// time.
					if (!steps.isEmpty()) {
						EscalationStep first = steps.get(0);
						next = new Step(first.level(), first.name(), firstStep < first.after().toSeconds(),
								due.plusSeconds(firstStep));
					}
				}
				else if (rs.getObject("next_level") != null) {
					next = new Step(rs.getInt("next_level"), rs.getString("next_name"), rs.getBoolean("next_warning"),
							instant(rs, "next_escalation_at"));
				}
				return new Decision(rs.getLong("id"), rs.getString("ticket"), rs.getString("dinas_code"),
						rs.getString("dinas_name"), rs.getString("kecamatan_name"), rs.getString("priority"),
						List.of((String[]) rs.getArray("categories").getArray()), instant(rs, "assigned_at"), due,
						instant(rs, "at_risk_from"), instant(rs, "at_risk_at"), breached, rs.getInt("escalation_level"),
						next, rs.getBoolean("due_in_working_hours"), rs.getBoolean("flags_at_risk"),
						rs.getBoolean("flags_breach"), rs.getBoolean("flags_escalation"));
			})
			.list();
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
