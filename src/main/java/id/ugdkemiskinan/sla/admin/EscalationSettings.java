package id.ugdkemiskinan.sla.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.ugdkemiskinan.common.ChangeAudit;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation chain as the admin keeps it ({@code escalation_level} and its
 * recipients): every change in one transaction, checked against the version the admin
 * saw, with its line of "Riwayat perubahan" (entity {@code ESCALATION_LEVEL}). Read from
 * the database at every use, so a change takes effect at once on every instance; it never
 * moves an assignment's levels already fixed at its breach.
 */
@Component
class EscalationSettings {

	/** The roles a level may notify (PETUGAS_DINAS: the assignment's own dinas). */
	static final List<String> ROLES = List.of("SEKRETARIAT", "PIMPINAN", "PETUGAS_DINAS");

	private final JdbcClient jdbc;

	private final ChangeAudit audit;

	EscalationSettings(JdbcClient jdbc, ChangeAudit audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A level with its recipients, as shown and as audited. */
	record Level(int level, String name, int afterMinutes, int atRiskPercent, boolean active, long version,
			List<String> roles, List<Long> userIds) {

		public java.time.Duration after() {
			return java.time.Duration.ofMinutes(this.afterMinutes);
		}

		/** The named accounts' ids as a form sends them. */
		public List<String> userIdTexts() {
			return this.userIds.stream().map(String::valueOf).toList();
		}

	}

	/** What the admin typed, checked. */
	record Values(String name, int afterMinutes, int atRiskPercent, List<String> roles, List<Long> userIds) {
	}

	/** An account a level may name: of the secretariat or the leadership, enabled. */
	record Account(long id, String fullName, String username, String role) {
	}

	List<Level> levels() {
		Map<Integer, List<String>> roles = new HashMap<>();
		Map<Integer, List<Long>> users = new HashMap<>();
		this.jdbc.sql("SELECT level, role, user_id FROM escalation_recipient ORDER BY level, role, user_id")
			.query((rs, n) -> {
				int level = rs.getInt("level");
				String role = rs.getString("role");
				if (role != null) {
					roles.computeIfAbsent(level, k -> new ArrayList<>()).add(role);
				}
				else {
					users.computeIfAbsent(level, k -> new ArrayList<>()).add(rs.getLong("user_id"));
				}
				return level;
			})
			.list();
		return this.jdbc.sql(
				"SELECT level, name, after_minutes, at_risk_percent, active, version FROM escalation_level ORDER BY level")
			.query((rs, n) -> {
				int level = rs.getInt("level");
				return new Level(level, rs.getString("name"), rs.getInt("after_minutes"), rs.getInt("at_risk_percent"),
						rs.getBoolean("active"), rs.getLong("version"), roles.getOrDefault(level, List.of()),
						users.getOrDefault(level, List.of()));
			})
			.list();
	}

	Optional<Level> level(int level) {
		return levels().stream().filter(l -> l.level() == level).findFirst();
	}

	List<Account> accounts() {
		return this.jdbc.sql("""
				SELECT id, full_name, username, role FROM app_user
				WHERE enabled AND role IN ('SEKRETARIAT', 'PIMPINAN') ORDER BY full_name, id""")
			.query((rs, n) -> new Account(rs.getLong("id"), rs.getString("full_name"), rs.getString("username"),
					rs.getString("role")))
			.list();
	}

	/** Adds the next level; returns it. */
	@Transactional
	Level add(Values values, CurrentUser admin, Instant now) {
		this.jdbc.sql("LOCK TABLE escalation_level IN SHARE ROW EXCLUSIVE MODE").update();
		int level = this.jdbc.sql("SELECT coalesce(max(level), 0) + 1 FROM escalation_level")
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO escalation_level (level, name, after_minutes, at_risk_percent)
				VALUES (:level, :name, :after, :percent)""")
			.param("level", level)
			.param("name", values.name())
			.param("after", values.afterMinutes())
			.param("percent", values.atRiskPercent())
			.update();
		recipients(level, values);
		Level after = level(level).orElseThrow();
		this.audit.record(admin.id(), admin.fullName(), "ESCALATION_LEVEL", Integer.toString(level),
				ChangeAudit.Action.CREATED, null, after, now);
		return after;
	}

	/**
	 * @return false when someone changed the level since the admin saw it
	 */
	@Transactional
	boolean update(Level before, long version, Values values, CurrentUser admin, Instant now) {
		int updated = this.jdbc.sql("""
				UPDATE escalation_level SET name = :name, after_minutes = :after, at_risk_percent = :percent,
				       version = version + 1
				WHERE level = :level AND version = :version""")
			.param("name", values.name())
			.param("after", values.afterMinutes())
			.param("percent", values.atRiskPercent())
			.param("level", before.level())
			.param("version", version)
			.update();
		if (updated == 0) {
			return false;
		}
		this.jdbc.sql("DELETE FROM escalation_recipient WHERE level = :level").param("level", before.level()).update();
		recipients(before.level(), values);
		this.audit.record(admin.id(), admin.fullName(), "ESCALATION_LEVEL", Integer.toString(before.level()),
				ChangeAudit.Action.UPDATED, before, level(before.level()).orElseThrow(), now);
		return true;
	}

	/**
	 * @return false when someone changed the level since the admin saw it
	 */
	@Transactional
	boolean setActive(Level before, long version, boolean active, CurrentUser admin, Instant now) {
		int updated = this.jdbc.sql("""
				UPDATE escalation_level SET active = :active, version = version + 1
				WHERE level = :level AND version = :version""")
			.param("active", active)
			.param("level", before.level())
			.param("version", version)
			.update();
		if (updated == 0) {
			return false;
		}
		this.audit.record(admin.id(), admin.fullName(), "ESCALATION_LEVEL", Integer.toString(before.level()),
				active ? ChangeAudit.Action.ACTIVATED : ChangeAudit.Action.DEACTIVATED, before,
				level(before.level()).orElseThrow(), now);
		return true;
	}

	private void recipients(int level, Values values) {
		for (String role : values.roles()) {
			this.jdbc.sql("INSERT INTO escalation_recipient (level, role) VALUES (:level, :role)")
				.param("level", level)
				.param("role", role)
				.update();
		}
		for (long user : values.userIds()) {
			this.jdbc.sql("INSERT INTO escalation_recipient (level, user_id) VALUES (:level, :user)")
				.param("level", level)
				.param("user", user)
				.update();
		}
	}

}
