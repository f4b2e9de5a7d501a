package id.ugdkemiskinan.cases.query;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import id.ugdkemiskinan.cases.CaseVisibility;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link CaseVisibility} by {@link CaseScope}, in one statement. */
@Component
class VisibleCases implements CaseVisibility {

	private final JdbcClient jdbc;

	VisibleCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<Long> visible(Collection<Long> caseIds, CurrentUser user) {
		if (caseIds.isEmpty()) {
			return Set.of();
		}
		CaseScope scope = CaseScope.of(user);
		return new HashSet<>(
				this.jdbc.sql("SELECT c.id FROM case_file c WHERE c.id = ANY(:ids) AND " + scope.sqlCondition())
					.params(Map.of("ids", caseIds.toArray(Long[]::new), "scopeKecamatan",
							String.valueOf(scope.kecamatanCode()), "scopeDinas", String.valueOf(scope.dinasCode())))
					.query(Long.class)
					.list());
	}

}
