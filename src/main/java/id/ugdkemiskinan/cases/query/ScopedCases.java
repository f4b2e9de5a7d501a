package id.ugdkemiskinan.cases.query;

import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A case's id by its ticket, within a scope. */
@Component
public class ScopedCases {

	private final JdbcClient jdbc;

	ScopedCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Long> idByTicket(String ticket, CaseScope scope) {
		return this.jdbc.sql("SELECT c.id FROM case_file c WHERE c.ticket = :ticket AND " + scope.sqlCondition())
			.params(Map.of("ticket", ticket, "scopeKecamatan", String.valueOf(scope.kecamatanCode()), "scopeDinas",
					String.valueOf(scope.dinasCode())))
			.query(Long.class)
			.optional();
	}

}
