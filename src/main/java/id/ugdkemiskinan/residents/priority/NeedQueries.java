package id.ugdkemiskinan.residents.priority;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.residents.registry.RegistryScope;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The needs of each lokus prioritas by {@link NeedMapping}: distinct households per need
 * and desa, counts only. The cases are those of the marked desa in the user's reach (the
 * secretariat all, an operator their kecamatan); the imported lists' households in the
 * same reach by {@link RegistryScope}.
 */
@Component
@Transactional(readOnly = true)
public class NeedQueries {

	private final JdbcClient jdbc;

	NeedQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Per marked desa (by code, all of them, also those without needs): need →
	 * households.
	 */
	public Map<String, Map<NeedMapping.Need, Long>> byDesa(RegistryScope scope) {
		Map<String, Object> params = new HashMap<>(scope.params());
		List<String> rules = new ArrayList<>();
		for (int i = 0; i < NeedMapping.RULES.size(); i++) {
			NeedMapping.Rule rule = NeedMapping.RULES.get(i);
			rules.add("(CAST(:n" + i + " AS varchar), CAST(:c" + i + " AS varchar), CAST(:p" + i
					+ " AS varchar), CAST(:i" + i + " AS varchar))");
			params.put("n" + i, rule.need().name());
			params.put("c" + i, rule.category());
			params.put("p" + i, rule.pattern());
			params.put("i" + i, rule.intervention());
		}
		String kecamatan = scope.seesEverything() ? "TRUE" : "left(pd.desa_code, 8) = :scopeKecamatan";
		Map<String, Map<NeedMapping.Need, Long>> counts = new LinkedHashMap<>();
		this.jdbc.sql("SELECT pd.desa_code FROM priority_desa pd WHERE " + kecamatan + " ORDER BY pd.desa_code")
			.params(params)
			.query((RowCallbackHandler) rs -> counts.put(rs.getString(1), new EnumMap<>(NeedMapping.Need.class)));
		if (counts.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("WITH rules (need, category, pattern, intervention) AS (VALUES " + String.join(", ", rules) + """
				),
				cases AS (
				  SELECT c.id, c.desa_code, c.description, coalesce(p.household_id, -c.id) AS household
				  FROM priority_desa pd JOIN case_file c ON c.desa_code = pd.desa_code
				  LEFT JOIN person_case pc ON pc.case_id = c.id LEFT JOIN person p ON p.id = pc.person_id
				  WHERE c.status <> 'DITOLAK' AND\s""" + kecamatan
				+ """
						),
						signals AS (
						  SELECT cases.desa_code, r.need, cases.household FROM cases JOIN rules r
						    ON r.category IS NOT NULL
						       AND EXISTS (SELECT 1 FROM case_category cc WHERE cc.case_id = cases.id AND cc.category_code = r.category)
						    OR r.pattern IS NOT NULL
						       AND (cases.description ~* r.pattern
						            OR EXISTS (SELECT 1 FROM case_category_answer a WHERE a.case_id = cases.id AND a.answer ~* r.pattern))
						  UNION
						  SELECT h.desa_code, r.need, h.id FROM priority_desa pd
						  JOIN household h ON h.desa_code = pd.desa_code
						  JOIN intervention_received ir ON ir.household_id = h.id AND ir.import_id IS NOT NULL
						  JOIN registry_import ri ON ri.id = ir.import_id AND ri.undone_at IS NULL
						  JOIN rules r ON r.intervention = ir.intervention_code
						  WHERE\s"""
				+ kecamatan + " AND (" + scope.sqlCondition() + """
						))
						SELECT desa_code, need, count(DISTINCT household) AS households FROM signals GROUP BY 1, 2""")
			.params(params)
			.query((RowCallbackHandler) rs -> counts.get(rs.getString("desa_code"))
				.put(NeedMapping.Need.valueOf(rs.getString("need")), rs.getLong("households")));
		return counts;
	}

}
