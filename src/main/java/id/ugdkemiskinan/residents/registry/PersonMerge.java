package id.ugdkemiskinan.residents.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.common.ChangeAudit;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.users.CurrentUser;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * Confirms that a person without NIK is the same as another (a suggestion the operator or
 * the secretariat confirmed, never automatic): the cases and interventions of the one
 * move to the other, the emptied person is deleted (and its household, if it is left
 * empty and has no KK), and the change is written to "Riwayat perubahan" (entity
 * {@code PERSON}).
 */
@Component
public class PersonMerge {

	/** Two persons who both have a NIK are two persons: never merged. */
	public static class BothHaveNikException extends RuntimeException {

		public BothHaveNikException() {
			super("Both persons have a NIK");
		}

	}

	/** What the audit keeps of the person merged away. */
	public record Merged(long id, @Nullable String nik, @Nullable String nikUnknownReason, String name, String desaCode,
			String address, long householdId) {
	}

	/** What the merge did. */
	public record MergedInto(long target, int cases, int interventions, boolean householdDeleted) {
	}

	private final JdbcClient jdbc;

	private final RegistryWriter writer;

	private final ChangeAudit audit;

	private final Clock clock;

	PersonMerge(JdbcClient jdbc, RegistryWriter writer, ChangeAudit audit, Clock clock) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Merges {@code sourceId} into {@code targetId}; both must be in the user's scope
	 * (else {@link NotFoundException}), and the source must have no NIK (else
	 * {@link BothHaveNikException} when both have one). The caller has checked that the
	 * target is a suggestion for the source.
	 */
	@Transactional
	public void merge(long sourceId, long targetId, CurrentUser user) {
		RegistryScope scope = RegistryScope.of(user);
		if (!scope.mayUse() || sourceId == targetId) {
			throw new NotFoundException("No person to merge");
		}
		// Both rows locked in id order: two merges of the same pair never deadlock.
		List<Merged> both = this.jdbc.sql("""
				SELECT p.id, p.nik, p.nik_unknown_reason, p.name, p.desa_code, p.address, p.household_id
				FROM person p JOIN household h ON h.id = p.household_id
				WHERE p.id IN (:source, :target) AND\s""" + scope.sqlCondition() + """

				ORDER BY p.id
				FOR UPDATE OF p""")
			.params(scope.params())
			.param("source", sourceId)
			.param("target", targetId)
			.query((rs, n) -> new Merged(rs.getLong("id"), rs.getString("nik"), rs.getString("nik_unknown_reason"),
					rs.getString("name"), rs.getString("desa_code"), rs.getString("address"),
					rs.getLong("household_id")))
			.list();
		if (both.size() != 2) {
			throw new NotFoundException("Person " + sourceId + " or " + targetId + " not in scope");
		}
		Merged source = (both.get(0).id() == sourceId) ? both.get(0) : both.get(1);
		Merged target = (source == both.get(0)) ? both.get(1) : both.get(0);
		if (source.nik() != null) {
			throw new BothHaveNikException();
		}
		Instant now = this.clock.instant();
		int cases = this.jdbc.sql("""
				UPDATE person_case SET person_id = :target, linked_by = 'OPERATOR', linked_at = :now
				WHERE person_id = :source""")
			.param("target", target.id())
			.param("source", source.id())
			.param("now", utc(now))
			.update();
		// An imported row the target already has (same programme, same day) is the same
		// fact: kept once.
		this.jdbc.sql("""
				DELETE FROM intervention_received s
				WHERE s.person_id = :source AND s.import_id IS NOT NULL
				  AND EXISTS (SELECT 1 FROM intervention_received t
				              WHERE t.import_id IS NOT NULL AND t.household_id = :household AND t.person_id = :target
				                AND t.intervention_code = s.intervention_code AND t.received_on = s.received_on)""")
			.param("source", source.id())
			.param("target", target.id())
			.param("household", target.householdId())
			.update();
		int interventions = this.jdbc.sql("""
				UPDATE intervention_received SET person_id = :target, household_id = :household
				WHERE person_id = :source""")
			.param("target", target.id())
			.param("household", target.householdId())
			.param("source", source.id())
			.update();
		this.jdbc.sql("DELETE FROM person WHERE id = :id").param("id", source.id()).update();
		boolean householdDeleted = false;
		if (source.householdId() != target.householdId()) {
			householdDeleted = this.jdbc.sql("""
					DELETE FROM household h WHERE h.id = :id AND h.kk IS NULL
					  AND NOT EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id)
					  AND NOT EXISTS (SELECT 1 FROM intervention_received r WHERE r.household_id = h.id)
					  AND NOT EXISTS (SELECT 1 FROM desil_record d WHERE d.household_id = h.id)""")
				.param("id", source.householdId())
				.update() == 1;
			if (!householdDeleted) {
				this.writer.recomputeHelped(new Long[] { source.householdId() });
			}
		}
		this.writer.recomputeHelped(new Long[] { target.householdId() });
		this.audit.record(user.id(), user.fullName(), "PERSON", String.valueOf(source.id()), ChangeAudit.Action.DELETED,
				Map.of("person", source),
				Map.of("mergedInto", new MergedInto(target.id(), cases, interventions, householdDeleted)), now);
	}

}
