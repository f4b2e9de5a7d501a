package id.ugdkemiskinan.cases.resident;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The status page's slow-down, per source (a SHA-256 of the client's address: the address
 * itself is not kept) and ticket as typed: after
 * {@link ResidentProperties#freeFailures()} wrong tries, a further try is refused unless
 * {@link ResidentProperties#slowDown()} has passed since the last wrong one, whether or
 * not its code is right (else the refusal would tell). Kept in PostgreSQL
 * ({@code status_check_failure}), so every instance counts the same tries. A right code
 * forgets that source's tries of that ticket; rows older than
 * {@link ResidentProperties#forgetAfter()} are forgotten and deleted on the next wrong
 * try of anyone.
 * <p>
 * The methods run in the caller's transaction, which {@link #hold} serialises per source
 * and ticket (an advisory lock), so two tries sent at once are counted one after the
 * other.
 */
@Component
class StatusCheckThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ResidentProperties properties;

	StatusCheckThrottle(JdbcClient jdbc, Clock clock, ResidentProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Takes this source's and ticket's lock for the rest of the transaction and answers
	 * how long it must still wait before a try counts: zero when it may try now.
	 */
	Duration hold(String source, String ticket) {
		return hold(source, ticket, this.properties.freeFailures());
	}

	/** {@link #hold(String, String)} with its own number of free wrong tries. */
	Duration hold(String source, String ticket, int freeFailures) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 17))")
			.param("key", source + "|" + ticket)
			.query(Object.class)
			.single();
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				SELECT failures, last_failure_at FROM status_check_failure
				WHERE source_hash = :source AND ticket = :ticket""")
			.param("source", source)
			.param("ticket", ticket)
			.query((rs, row) -> {
				Instant last = rs.getTimestamp("last_failure_at").toInstant();
				if (rs.getInt("failures") < freeFailures || last.isBefore(now.minus(this.properties.forgetAfter()))) {
					return Duration.ZERO;
				}
				Duration left = Duration.between(now, last.plus(this.properties.slowDown()));
				return left.isNegative() ? Duration.ZERO : left;
			})
			.optional()
			.orElse(Duration.ZERO);
	}

	/**
	 * The source of every try together: the slow-down of a ticket across all sources (see
	 * {@link StatusCheck}).
	 */
	static final String ALL_SOURCES = "*";

	/** One more wrong try; and a few rows past being forgotten are deleted. */
	void recordFailure(String source, String ticket) {
		Instant now = this.clock.instant();
		Timestamp forgetBefore = Timestamp.from(now.minus(this.properties.forgetAfter()));
		this.jdbc.sql("""
				INSERT INTO status_check_failure AS f (source_hash, ticket, failures, last_failure_at)
				VALUES (:source, :ticket, 1, :now)
				ON CONFLICT (source_hash, ticket) DO UPDATE SET
				    failures = CASE WHEN f.last_failure_at < :forgetBefore THEN 1 ELSE f.failures + 1 END,
				    last_failure_at = :now""")
			.param("source", source)
			.param("ticket", ticket)
			.param("now", Timestamp.from(now))
			.param("forgetBefore", forgetBefore)
			.update();
		this.jdbc.sql("""
				DELETE FROM status_check_failure WHERE ctid IN (
				    SELECT ctid FROM status_check_failure WHERE last_failure_at < :forgetBefore LIMIT 100)""")
			.param("forgetBefore", forgetBefore)
			.update();
	}

	/** The right code: this source's wrong tries of this ticket are forgotten. */
	void recordSuccess(String source, String ticket) {
		this.jdbc.sql("DELETE FROM status_check_failure WHERE source_hash = :source AND ticket = :ticket")
			.param("source", source)
			.param("ticket", ticket)
			.update();
	}

	/**
	 * The key of a client address: its SHA-256, in hex. An IPv6 client counts by its /64
	 * network (one subscriber's line usually has a whole /64 and could otherwise try from
	 * a fresh address every time).
	 */
	static String source(String remoteAddress) {
		String address = remoteAddress == null ? "unknown" : remoteAddress.replaceAll("^\\[|\\]$", "");
		byte[] key = address.getBytes(StandardCharsets.UTF_8);
		if (address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?")) {
			try {
				// An IPv6 literal: parsed, never looked up.
				byte[] bytes = InetAddress.getByName(address).getAddress();
				if (bytes.length == 16) {
					key = ("v6/64:" + HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)))
						.getBytes(StandardCharsets.UTF_8);
				}
			}
			catch (UnknownHostException ex) {
				// not an address after all: its text is the key
			}
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
