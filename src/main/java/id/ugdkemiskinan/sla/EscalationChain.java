package id.ugdkemiskinan.sla;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The escalation chain in force: the active levels, read from the database at every use
 * (one small indexed read per sweep, no cache), so that a change on the admin's page
 * takes effect at once on every instance.
 */
@Component
public class EscalationChain {

	private final JdbcClient jdbc;

	EscalationChain(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The active levels, lowest first. */
	public List<EscalationStep> active() {
		return this.jdbc.sql("""
				SELECT level, name, after_minutes, at_risk_percent FROM escalation_level
				WHERE active ORDER BY level""")
			.query((rs, n) -> new EscalationStep(rs.getInt("level"), rs.getString("name"),
					Duration.ofMinutes(rs.getInt("after_minutes")), rs.getInt("at_risk_percent")))
			.list();
	}

}
