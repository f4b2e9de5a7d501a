package id.ugdkemiskinan.users.login;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without letting anyone lock anyone else out. Failed logins
 * are counted per typed user name <em>and</em> source (client address): after
 * {@link #FREE_FAILURES} failures of one pair, that pair must wait before its next try,
 * {@link #FIRST_DELAY} and twice as long after every further failure, up to
 * {@link #MAX_DELAY}; a try while waiting is refused without looking at the password. The
 * owner of the account, from another address, is not held back. One source failing with
 * many user names is held back the same way after {@link #FREE_SOURCE_FAILURES} failures
 * in all.
 * <p>
 * Counted whether or not such an account exists, so that being held back tells nothing
 * about which accounts exist. Kept in PostgreSQL so that every instance behind the load
 * balancer counts the same failures. A pair's count is forgotten after
 * {@link #FORGET_AFTER} without a failure and on a successful login of that pair; a
 * source's count after {@link #SOURCE_FORGET_AFTER} without a failure (a successful login
 * does not clear it: an attacker may own one account).
 */
@Component
public class LoginThrottle {

	static final int FREE_FAILURES = 5;

	static final int FREE_SOURCE_FAILURES = 20;

	static final Duration FIRST_DELAY = Duration.ofSeconds(5);

	static final Duration MAX_DELAY = Duration.ofMinutes(15);

	static final Duration FORGET_AFTER = Duration.ofHours(24);

	static final Duration SOURCE_FORGET_AFTER = Duration.ofHours(1);

	/** The width of the key columns; a longer typed user name never names an account. */
	static final int MAX_KEY_LENGTH = 100;

	private static final int MAX_SOURCES_SHOWN = 5;

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * How long this source must still wait before it may try this user name again; zero
	 * when it may try now.
	 * @param username the normalized user name, or {@code null} when only the source
	 * counts
	 */
	@Transactional(readOnly = true)
	public Duration waitBefore(String username, String source) {
		Instant now = this.clock.instant();
		Timestamp blockedUntil = this.jdbc.sql("""
				SELECT max(blocked_until) FROM (
				    SELECT blocked_until FROM login_failure WHERE username = :username AND source = :source
				    UNION ALL
				    SELECT blocked_until FROM login_source_failure WHERE source = :source) b""")
			.param("username", (username != null) ? username : "")
			.param("source", key(source))
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		return remaining(blockedUntil, now);
	}

	/**
	 * Counts one failed login of this user name from this source; runs in its own
	 * transaction so that a failure is always counted.
	 * @param username the normalized user name, or {@code null} when it is too long to
	 * name an account (only the source's count grows)
	 * @return how long the source must now wait before its next try of this user name
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Duration recordFailure(String username, String source) {
		Instant now = this.clock.instant();
		String sourceKey = key(source);
		Instant blockedUntil = null;
		if (username != null) {
			int failures = count("login_failure", "(username, source)", username, sourceKey, now, FORGET_AFTER);
			blockedUntil = block("login_failure", "username = :username AND source = :source", username, sourceKey, now,
					delayAfter(failures, FREE_FAILURES));
		}
		if (!isLoopback(sourceKey)) {
			int sourceFailures = count("login_source_failure", "(source)", null, sourceKey, now, SOURCE_FORGET_AFTER);
			Instant sourceBlockedUntil = block("login_source_failure", "source = :source", null, sourceKey, now,
					delayAfter(sourceFailures, FREE_SOURCE_FAILURES));
			if (blockedUntil == null || (sourceBlockedUntil != null && sourceBlockedUntil.isAfter(blockedUntil))) {
				blockedUntil = sourceBlockedUntil;
			}
		}
		forgetStale(now);
		return (blockedUntil != null) ? Duration.between(now, blockedUntil) : Duration.ZERO;
	}

	/**
	 * Deletes a few counts that are past being forgotten, so that user names sprayed from
	 * many addresses do not pile up; a little on every failure keeps each call short.
	 */
	private void forgetStale(Instant now) {
		this.jdbc.sql("""
				DELETE FROM login_failure WHERE ctid IN (
				    SELECT ctid FROM login_failure WHERE last_failure_at < :forgetBefore LIMIT 100)""")
			.param("forgetBefore", Timestamp.from(now.minus(FORGET_AFTER)))
			.update();
		this.jdbc.sql("""
				DELETE FROM login_source_failure WHERE ctid IN (
				    SELECT ctid FROM login_source_failure WHERE last_failure_at < :forgetBefore LIMIT 100)""")
			.param("forgetBefore", Timestamp.from(now.minus(SOURCE_FORGET_AFTER)))
			.update();
	}

	/**
	 * A successful login forgets the failures of this user name from this source (not
	 * from others).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSuccess(String username, String source) {
		this.jdbc.sql("DELETE FROM login_failure WHERE username = :username AND source = :source")
			.param("username", username)
			.param("source", key(source))
			.update();
	}

	/** The admin's unlock: forgets every failure of this user name, from every source. */
	@Transactional
	public void unlock(String username) {
		this.jdbc.sql("DELETE FROM login_failure WHERE username = :username").param("username", username).update();
	}

	/**
	 * The failures of the last {@link #FORGET_AFTER} by user name, for the admin's user
	 * list.
	 */
	@Transactional(readOnly = true)
	public Map<String, LoginFailures> recentFailures() {
		Instant now = this.clock.instant();
		Map<String, LoginFailures> byUsername = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT username, sum(failures) AS failures, max(last_failure_at) AS last_failure_at,
				       string_agg(source, ' ' ORDER BY last_failure_at DESC, source) AS sources,
				       coalesce(bool_or(blocked_until > :now), false) AS held
				FROM login_failure
				WHERE last_failure_at > :since
				GROUP BY username""")
			.param("now", Timestamp.from(now))
			.param("since", Timestamp.from(now.minus(FORGET_AFTER)))
			.query((rs, row) -> {
				List<String> sources = Arrays.asList(rs.getString("sources").split(" "));
				byUsername.put(rs.getString("username"),
						new LoginFailures(rs.getInt("failures"), rs.getTimestamp("last_failure_at").toInstant(),
								sources.subList(0, Math.min(sources.size(), MAX_SOURCES_SHOWN)), sources.size(),
								rs.getBoolean("held")));
				return null;
			})
			.list();
		return byUsername;
	}

	/**
	 * 5 s after the first counted failure beyond the free ones, then twice as long each
	 * time, at most 15 min.
	 */
	static Duration delayAfter(int failures, int free) {
		if (failures < free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - free, 20);
		Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
		return (delay.compareTo(MAX_DELAY) > 0) ? MAX_DELAY : delay;
	}

	private int count(String table, String conflict, String username, String source, Instant now,
			Duration forgetAfter) {
		String columns = (username != null) ? "username, source" : "source";
		String values = (username != null) ? ":username, :source" : ":source";
		return this.jdbc
			.sql("INSERT INTO " + table + " AS f (" + columns + ", failures, last_failure_at) VALUES (" + values
					+ ", 1, :now) ON CONFLICT " + conflict + " DO UPDATE SET"
					+ " failures = CASE WHEN f.last_failure_at < :forgetBefore THEN 1 ELSE f.failures + 1 END,"
					+ " blocked_until = CASE WHEN f.last_failure_at < :forgetBefore THEN NULL ELSE f.blocked_until END,"
					+ " last_failure_at = :now RETURNING failures")
			.param("username", username)
			.param("source", source)
			.param("now", Timestamp.from(now))
			.param("forgetBefore", Timestamp.from(now.minus(forgetAfter)))
			.query(Integer.class)
			.single();
	}

	private Instant block(String table, String where, String username, String source, Instant now, Duration delay) {
		if (delay.isZero()) {
			return null;
		}
		Instant until = now.plus(delay);
		this.jdbc.sql("UPDATE " + table + " SET blocked_until = :until WHERE " + where)
			.param("username", username)
			.param("source", source)
			.param("until", Timestamp.from(until))
			.update();
		return until;
	}

	private static Duration remaining(Timestamp blockedUntil, Instant now) {
		if (blockedUntil == null || !blockedUntil.toInstant().isAfter(now)) {
			return Duration.ZERO;
		}
		return Duration.between(now, blockedUntil.toInstant());
	}

	private static String key(String source) {
		if (source == null || source.isBlank()) {
			return "unknown";
		}
		return (source.length() > MAX_KEY_LENGTH) ? source.substring(0, MAX_KEY_LENGTH) : source;
	}

	/**
	 * The source-wide count leaves out the machine itself: behind a proxy that does not
	 * pass the client's address on (see {@code server.forward-headers-strategy}) every
	 * request comes from the proxy, and one attacker would hold back everyone. The count
	 * per user name still applies.
	 */
	private static boolean isLoopback(String source) {
		return source.startsWith("127.") || source.equals("::1") || source.equals("0:0:0:0:0:0:0:1");
	}

	/**
	 * Recent failed logins of one user name.
	 *
	 * @param sources the most recent sources first, at most five
	 * @param sourceCount how many sources in all
	 * @param held whether some source is being held back now
	 */
	public record LoginFailures(int failures, Instant lastFailureAt, List<String> sources, int sourceCount,
			boolean held) {
	}

}
