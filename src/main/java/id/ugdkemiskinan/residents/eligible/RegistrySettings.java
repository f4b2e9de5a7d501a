package id.ugdkemiskinan.residents.eligible;

import java.time.Instant;

import id.ugdkemiskinan.common.ChangeAudit;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's rules, the one row of {@code registry_setting}: "belum pernah dibantu"
 * after {@code neverHelpedMonths} without an intervention, and "layak belum dibantu" for
 * desil 1 to {@code eligibleMaxDesil} without one in {@code eligibleMonths}. Read from
 * the table on every call (no cache), so a change applies at once on every instance.
 */
@Component
public class RegistrySettings {

	/** The lowest and highest months the table allows. */
	static final int MIN_MONTHS = 1;

	static final int MAX_MONTHS = 120;

	static final int MIN_DESIL = 1;

	static final int MAX_DESIL = 10;

	/** The settings, with the version the admin's form is checked against. */
	public record Settings(int neverHelpedMonths, int eligibleMaxDesil, int eligibleMonths, long version) {

		/** The audit's record of the settings (without the version). */
		Audited audited() {
			return new Audited(this.neverHelpedMonths, this.eligibleMaxDesil, this.eligibleMonths);
		}

	}

	/** What "Riwayat perubahan" keeps of a change. */
	record Audited(int neverHelpedMonths, int eligibleMaxDesil, int eligibleMonths) {
	}

	private final JdbcClient jdbc;

	private final ChangeAudit audit;

	RegistrySettings(JdbcClient jdbc, ChangeAudit audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The settings as they are now in the table. */
	public Settings current() {
		return this.jdbc.sql(
				"SELECT never_helped_months, eligible_max_desil, eligible_months, version FROM registry_setting WHERE id = 1")
			.query((rs, n) -> new Settings(rs.getInt("never_helped_months"), rs.getInt("eligible_max_desil"),
					rs.getInt("eligible_months"), rs.getLong("version")))
			.single();
	}

	/**
	 * Saves the values when the row is still at {@code expectedVersion}, audited;
	 * {@code false} when someone changed it meanwhile.
	 */
	@Transactional
	boolean update(long expectedVersion, int neverHelpedMonths, int eligibleMaxDesil, int eligibleMonths,
			CurrentUser admin, Instant now) {
		Settings before = current();
		int updated = this.jdbc.sql("""
				UPDATE registry_setting SET never_helped_months = :never, eligible_max_desil = :desil,
				       eligible_months = :months, version = version + 1
				WHERE id = 1 AND version = :version""")
			.param("never", neverHelpedMonths)
			.param("desil", eligibleMaxDesil)
			.param("months", eligibleMonths)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			return false;
		}
		this.audit.record(admin.id(), admin.fullName(), "REGISTRY_SETTING", "1", ChangeAudit.Action.UPDATED,
				before.audited(), new Audited(neverHelpedMonths, eligibleMaxDesil, eligibleMonths), now);
		return true;
	}

}
