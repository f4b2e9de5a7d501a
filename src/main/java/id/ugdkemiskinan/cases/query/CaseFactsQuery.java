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
			c.id AS case_id, c.ticket, c.kecamatan_code, c.priority,
			ARRAY(SELECT cc.category_code FROM case_category cc JOIN category g ON g.code = cc.category_code
			      WHERE cc.case_id = c.id ORDER BY g.sort_order, g.code) AS categories""";

	private final JdbcClient jdbc;

	CaseFactsQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<AssignmentFact> assignments(Collection<Long> assignmentIds) {
		if (assignmentIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT a.id, a.dinas_code, a.due_at, a.status = 'MENUNGGU_RESPON' AS waiting, "
				+ CASE_COLUMNS
				+ " FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE a.id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", assignmentIds.toArray(Long[]::new))
			.query((rs, n) -> new AssignmentFact(rs.getLong("id"), rs.getString("dinas_code"), instant(rs, "due_at"),
					rs.getBoolean("waiting"), caseFact(rs)))
			.list();
	}

	@Override
	public List<CaseFact> cases(Collection<Long> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + CASE_COLUMNS + " FROM case_file c WHERE c.id = ANY (CAST(:ids AS bigint[]))")
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
		Array categories = rs.getArray("categories");
		return new CaseFact(rs.getLong("case_id"), rs.getString("ticket"), rs.getString("kecamatan_code"),
				rs.getString("priority"), Arrays.asList((String[]) categories.getArray()));
	}

}
