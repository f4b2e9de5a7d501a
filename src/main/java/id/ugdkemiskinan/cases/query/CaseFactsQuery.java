package id.ugdkemiskinan.cases.query;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.ugdkemiskinan.cases.CaseFacts;
import id.ugdkemiskinan.cases.domain.AccessCodes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.instant;

/** {@link CaseFacts} in one statement per call, however many ids. */
@Component
@Transactional(readOnly = true)
class CaseFactsQuery implements CaseFacts {

	private static final String CASE_COLUMNS = """
			c.id AS case_id, c.ticket, c.kecamatan_code, k.name AS kecamatan_name, c.priority,
			ARRAY(SELECT g.code FROM case_category cc JOIN category g ON g.code = cc.category_code
			      WHERE cc.case_id = c.id ORDER BY g.sort_order, g.code) AS categories,
			ARRAY(SELECT g.name FROM case_category cc JOIN category g ON g.code = cc.category_code
			      WHERE cc.case_id = c.id ORDER BY g.sort_order, g.code) AS category_names""";

	private final JdbcClient jdbc;

	CaseFactsQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<AssignmentFact> assignments(Collection<Long> assignmentIds) {
		if (assignmentIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT a.id, a.dinas_code, d.name AS dinas_name, d.secretariat, a.due_at, a.due_in_working_hours,"
					+ " a.status = 'MENUNGGU_RESPON' AS waiting, " + CASE_COLUMNS
					+ " FROM assignment a JOIN dinas d ON d.code = a.dinas_code JOIN case_file c ON c.id = a.case_id"
					+ " JOIN kecamatan k ON k.code = c.kecamatan_code WHERE a.id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", assignmentIds.toArray(Long[]::new))
			.query((rs, n) -> new AssignmentFact(rs.getLong("id"), rs.getString("dinas_code"),
					rs.getString("dinas_name"), rs.getBoolean("secretariat"), instant(rs, "due_at"),
					rs.getBoolean("due_in_working_hours"), rs.getBoolean("waiting"), caseFact(rs)))
			.list();
	}

	@Override
	public List<CaseFact> cases(Collection<Long> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT " + CASE_COLUMNS + " FROM case_file c JOIN kecamatan k ON k.code = c.kecamatan_code"
					+ " WHERE c.id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", caseIds.toArray(Long[]::new))
			.query((rs, n) -> caseFact(rs))
			.list();
	}

	@Override
	public List<Long> stillWaiting(Collection<Long> assignmentIds) {
		if (assignmentIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT id FROM assignment WHERE id = ANY (CAST(:ids AS bigint[])) AND status = 'MENUNGGU_RESPON'")
			.param("ids", assignmentIds.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	@Override
	public Optional<ResidentContact> residentContact(long caseId) {
		Optional<ResidentContact> contact = this.jdbc.sql("""
				SELECT c.id, c.ticket, c.kecamatan_code, c.access_code, c.filed_at, rc.phone
				FROM case_file c JOIN resident_consent rc ON rc.case_id = c.id AND rc.withdrawn_at IS NULL
				WHERE c.id = :id""")
			.param("id", caseId)
			.query((rs, n) -> new ResidentContact(rs.getLong("id"), rs.getString("ticket"),
					rs.getString("kecamatan_code"), rs.getString("phone"),
					AccessCodes.format(rs.getString("access_code")), instant(rs, "filed_at"), List.of()))
			.optional();
		return contact.map((c) -> new ResidentContact(c.caseId(), c.ticket(), c.kecamatanCode(), c.phone(),
				c.accessCode(), c.filedAt(), this.jdbc.sql("""
						SELECT a.id, a.dinas_code, d.name, a.due_at, a.due_in_working_hours, a.responded_at, a.status
						FROM assignment a JOIN dinas d ON d.code = a.dinas_code
						WHERE a.case_id = :id ORDER BY a.assigned_at, a.id""").param("id", caseId).query((rs, n) -> {
					Timestamp responded = rs.getTimestamp("responded_at");
					return new ResidentAssignment(rs.getLong("id"), rs.getString("dinas_code"), rs.getString("name"),
							instant(rs, "due_at"), rs.getBoolean("due_in_working_hours"),
							(responded != null) ? responded.toInstant() : null, rs.getString("status"));
				}).list()));
	}

	@Override
	public Map<Long, String> consentingPhones(Collection<Long> caseIds) {
		Map<Long, String> phones = new HashMap<>();
		if (caseIds.isEmpty()) {
			return phones;
		}
		this.jdbc
			.sql("SELECT case_id, phone FROM resident_consent"
					+ " WHERE case_id = ANY (CAST(:ids AS bigint[])) AND withdrawn_at IS NULL")
			.param("ids", caseIds.toArray(Long[]::new))
			.query((rs) -> {
				phones.put(rs.getLong("case_id"), rs.getString("phone"));
			});
		return phones;
	}

	private static CaseFact caseFact(ResultSet rs) throws SQLException {
		return new CaseFact(rs.getLong("case_id"), rs.getString("ticket"), rs.getString("kecamatan_code"),
				rs.getString("kecamatan_name"), rs.getString("priority"), strings(rs.getArray("categories")),
				strings(rs.getArray("category_names")));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

}
