package id.ugdkemiskinan.residents.priority;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.HashSet;

import id.ugdkemiskinan.common.ChangeAudit;
import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * The lokus prioritas ({@code priority_desa}): which desa are marked, marking and
 * unmarking them (idempotent, audited), and the flag the case pages read. The case
 * templates ask this bean by name ({@code @priorityDesa}) so that the cases module needs
 * no Java type of residents.
 */
@Component("priorityDesa")
public class PriorityDesa {

	/** A marked desa, with who marked it and when. */
	public record Marked(String desaCode, String markedByName, Instant markedAt) {
	}

	/** What "Riwayat perubahan" keeps. */
	record Audited(String desaCode) {
	}

	private final JdbcClient jdbc;

	private final ChangeAudit audit;

	PriorityDesa(JdbcClient jdbc, ChangeAudit audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Whether the desa is a lokus prioritas. */
	public boolean isMarked(@Nullable String desaCode) {
		if (desaCode == null) {
			return false;
		}
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM priority_desa WHERE desa_code = :desa)")
			.param("desa", desaCode)
			.query(Boolean.class)
			.single();
	}

	/** Of these case tickets, those whose case lies in a marked desa (one query). */
	public Set<String> ticketsIn(@Nullable Collection<String> tickets) {
		if (tickets == null || tickets.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				SELECT c.ticket FROM case_file c JOIN priority_desa p ON p.desa_code = c.desa_code
				WHERE c.ticket IN (:tickets)""").param("tickets", List.copyOf(tickets)).query(String.class).list());
	}

	/** Every marked desa, by code. */
	public List<Marked> marked() {
		return this.jdbc.sql("""
				SELECT p.desa_code, u.full_name, p.marked_at FROM priority_desa p JOIN app_user u ON u.id = p.marked_by
				ORDER BY p.desa_code""")
			.query((rs, n) -> new Marked(rs.getString("desa_code"), rs.getString("full_name"),
					rs.getObject("marked_at", java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Marks the desa; {@code false} when it already was (nothing changes). */
	@Transactional
	public boolean mark(String desaCode, CurrentUser admin, Instant now) {
		int added = this.jdbc.sql("""
				INSERT INTO priority_desa (desa_code, marked_by, marked_at) VALUES (:desa, :user, :now)
				ON CONFLICT (desa_code) DO NOTHING""")
			.param("desa", desaCode)
			.param("user", admin.id())
			.param("now", utc(now))
			.update();
		if (added == 0) {
			return false;
		}
		this.audit.record(admin.id(), admin.fullName(), "PRIORITY_DESA", desaCode, ChangeAudit.Action.CREATED, null,
				new Audited(desaCode), now);
		return true;
	}

	/** Unmarks the desa; {@code false} when it was not marked. */
	@Transactional
	public boolean unmark(String desaCode, CurrentUser admin, Instant now) {
		int removed = this.jdbc.sql("DELETE FROM priority_desa WHERE desa_code = :desa")
			.param("desa", desaCode)
			.update();
		if (removed == 0) {
			return false;
		}
		this.audit.record(admin.id(), admin.fullName(), "PRIORITY_DESA", desaCode, ChangeAudit.Action.DELETED,
				new Audited(desaCode), null, now);
		return true;
	}

}
