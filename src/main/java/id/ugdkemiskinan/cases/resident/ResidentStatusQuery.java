package id.ugdkemiskinan.cases.resident;

import id.ugdkemiskinan.cases.domain.AssignmentStatus;
import id.ugdkemiskinan.cases.domain.CaseStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the status page shows, naming only the columns it may show (no
 * {@code SELECT *}, no entity with the resident's data), so that personal data cannot
 * reach the page by a later change of a template.
 */
@Component
@Transactional(readOnly = true)
class ResidentStatusQuery {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ResidentProperties properties;

	ResidentStatusQuery(JdbcClient jdbc, Clock clock, ResidentProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	Optional<ResidentStatus> find(String ticket) {
		Optional<CaseRow> found = this.jdbc.sql("""
				SELECT c.id, c.ticket, c.status, c.filed_at, c.resolved_at, c.closed_at,
				       EXISTS (SELECT 1 FROM resident_consent k
				               WHERE k.case_id = c.id AND k.withdrawn_at IS NULL) AS consent_active,
				       EXISTS (SELECT 1 FROM resident_feedback f
				               WHERE f.case_id = c.id AND f.round_resolved_at = c.resolved_at) AS answered
				FROM case_file c WHERE c.ticket = :ticket""")
			.param("ticket", ticket)
			.query((rs, row) -> new CaseRow(rs.getLong("id"), rs.getString("ticket"),
					CaseStatus.valueOf(rs.getString("status")), instant(rs, "filed_at"), instant(rs, "resolved_at"),
					instant(rs, "closed_at"), rs.getBoolean("consent_active"), rs.getBoolean("answered")))
			.optional();
		return found.map(this::status);
	}

	private ResidentStatus status(CaseRow c) {
		List<String> categories = this.jdbc.sql("""
				SELECT g.name FROM case_category cc JOIN category g ON g.code = cc.category_code
				WHERE cc.case_id = :id ORDER BY g.sort_order, g.code""").param("id", c.id()).query(String.class).list();
		List<ResidentStatus.Part> parts = this.jdbc.sql("""
				SELECT d.name AS dinas_name, a.status, a.assigned_at, a.due_at, a.responded_at, a.due_in_working_hours,
				       CASE WHEN a.status = 'SELESAI' THEN i.name END AS intervention_name
				FROM assignment a JOIN dinas d ON d.code = a.dinas_code
				LEFT JOIN intervention i ON i.code = a.intervention_code
				WHERE a.case_id = :id ORDER BY a.assigned_at, a.id""")
			.param("id", c.id())
			.query((rs, row) -> new ResidentStatus.Part(rs.getString("dinas_name"),
					AssignmentStatus.valueOf(rs.getString("status")), instant(rs, "assigned_at"), instant(rs, "due_at"),
					instant(rs, "responded_at"), rs.getString("intervention_name"),
					rs.getBoolean("due_in_working_hours")))
			.list();
		ResidentStatus.Answer last = this.jdbc.sql("""
				SELECT answer, rating, answered_at FROM resident_feedback
				WHERE case_id = :id ORDER BY answered_at DESC, id DESC LIMIT 1""")
			.param("id", c.id())
			.query((rs, row) -> new ResidentStatus.Answer("SUDAH".equals(rs.getString("answer")),
					(Integer) rs.getObject("rating", Integer.class), instant(rs, "answered_at")))
			.optional()
			.orElse(null);
		Instant until = this.properties.answerUntil(c.status(), c.resolvedAt());
		boolean asked = until != null && !c.answered() && !this.clock.instant().isAfter(until);
		return new ResidentStatus(c.ticket(), c.status(), c.filedAt(), c.resolvedAt(), c.closedAt(), categories, parts,
				asked, asked ? until : null, last, c.consentActive());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private record CaseRow(long id, String ticket, CaseStatus status, Instant filedAt, @Nullable Instant resolvedAt,
			@Nullable Instant closedAt, boolean consentActive, boolean answered) {
	}

}
