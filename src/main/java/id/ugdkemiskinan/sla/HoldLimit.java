package id.ugdkemiskinan.sla;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The longest a hold may last, as the admin set it on {@code /admin/sla/tahan} (read at
 * every call, so a change takes effect at once on every instance); 72 hours when none is
 * set. A hold's limit is fixed when it starts: a change never moves an existing hold.
 */
@Component
public class HoldLimit {

	/** The default: three days. */
	public static final Duration DEFAULT = Duration.ofHours(72);

	private final JdbcClient jdbc;

	HoldLimit(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Duration maxHold() {
		return this.jdbc.sql("SELECT max_minutes FROM sla_hold_setting")
			.query(Integer.class)
			.optional()
			.map(Duration::ofMinutes)
			.orElse(DEFAULT);
	}

}
