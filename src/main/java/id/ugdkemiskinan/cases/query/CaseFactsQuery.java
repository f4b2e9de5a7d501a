package id.ugdkemiskinan.cases.query;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import id.ugdkemiskinan.cases.CaseFacts;

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
			.sql("SELECT a.id, a.dinas_code, d.name AS dinas_name, d.secretariat, a.due_at,"
					+ " a.status = 'MENUNGGU_RESPON' AS waiting, " + CASE_COLUMNS
					+ " FROM assignment a JOIN dinas d ON d.code = a.dinas_code JOIN case_file c ON c.id = a.case_id"
					+ " JOIN kecamatan k ON k.code = c.kecamatan_code WHERE a.id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", assignmentIds.toArray(Long[]::new))
			.query((rs, n) -> new AssignmentFact(rs.getLong("id"), rs.getString("dinas_code"),
					rs.getString("dinas_name"), rs.getBoolean("secretariat"), instant(rs, "due_at"),
					rs.getBoolean("waiting"), caseFact(rs)))
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

	private static CaseFact caseFact(ResultSet rs) throws SQLException {
		return new CaseFact(rs.getLong("case_id"), rs.getString("ticket"), rs.getString("kecamatan_code"),
				rs.getString("kecamatan_name"), rs.getString("priority"), strings(rs.getArray("categories")),
				strings(rs.getArray("category_names")));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

}
