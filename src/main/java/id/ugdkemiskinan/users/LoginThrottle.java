package id.ugdkemiskinan.users;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a user name for {@link #LOCK_DURATION} after {@link #MAX_FAILURES} failed logins in a row.
 * Counted per typed user name, whether or not such an account exists, so that the lockout itself
 * tells an attacker nothing about which accounts exist. Kept in the database so that every
 * instance behind the load balancer counts the same failures.
 */
@Component
class LoginThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public boolean isLocked(String username) {
		return this.jdbc
			.sql("SELECT coalesce(locked_until > :now, false) FROM login_throttle WHERE username = :username")
			.param("username", Usernames.normalize(username))
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Counts one failure; returns whether the user name is now locked. A failure after an expired
	 * lock starts a new count. Runs in its own transaction so a failed login is always counted.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean recordFailure(String username) {
		Instant now = this.clock.instant();
		Timestamp nowTs = Timestamp.from(now);
		Timestamp lockUntil = Timestamp.from(now.plus(LOCK_DURATION));
		return this.jdbc.sql("""
				INSERT INTO login_throttle AS t (username, failures, last_failure_at, locked_until)
				VALUES (:username, 1, :now, NULL)
				ON CONFLICT (username) DO UPDATE SET
				    failures = CASE WHEN t.locked_until IS NOT NULL AND t.locked_until <= :now THEN 1
				                    ELSE t.failures + 1 END,
				    last_failure_at = :now,
				    locked_until = CASE
				        WHEN t.locked_until IS NOT NULL AND t.locked_until > :now THEN t.locked_until
				        WHEN t.locked_until IS NOT NULL AND t.locked_until <= :now THEN NULL
				        WHEN t.failures + 1 >= :max THEN :lockUntil
				        ELSE NULL END
				RETURNING coalesce(locked_until > :now, false)""")
			.param("username", Usernames.normalize(username))
			.param("now", nowTs)
			.param("max", MAX_FAILURES)
			.param("lockUntil", lockUntil)
			.query(Boolean.class)
			.single();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSuccess(String username) {
		this.jdbc.sql("DELETE FROM login_throttle WHERE username = :username")
			.param("username", Usernames.normalize(username))
			.update();
	}

}
