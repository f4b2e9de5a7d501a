package id.ugdkemiskinan.cases.resident;

import id.ugdkemiskinan.cases.domain.AccessCodes;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a typed ticket and access code under the slow-down: an unknown ticket and a
 * wrong code are the same failure (a code is compared even when the ticket is unknown,
 * against a code no case has, so both take the same time).
 * <p>
 * A case filed before the codes had 10 characters has a 6-character code (30 bits): many
 * sources together could try it out within weeks. Its ticket is also slowed down across
 * all sources after {@link #LEGACY_TICKET_FREE_FAILURES} wrong tries (a wrong try of it
 * counts for the source and for all); the UPT's reprint of the receipt does not change
 * the code, so this stays until the case is closed.
 */
@Service
class StatusCheck {

	/** Compared when the ticket is unknown: no case has it (codes have no '0'). */
	private static final String NO_CODE = "0000000000";

	/**
	 * Wrong tries of a ticket with a 6-character code, from all sources, before its
	 * slow-down.
	 */
	static final int LEGACY_TICKET_FREE_FAILURES = 20;

	private final JdbcClient jdbc;

	private final StatusCheckThrottle throttle;

	StatusCheck(JdbcClient jdbc, StatusCheckThrottle throttle) {
		this.jdbc = jdbc;
		this.throttle = throttle;
	}

	/**
	 * @param source the client's key ({@link StatusCheckThrottle#source})
	 * @param ticket the ticket as typed, normalised (upper case, trimmed)
	 * @param typedCode the code as typed
	 */
	@Transactional
	Result check(String source, String ticket, String typedCode) {
		Duration wait = this.throttle.hold(source, ticket);
		String code = this.jdbc.sql("SELECT access_code FROM case_file WHERE ticket = :ticket")
			.param("ticket", ticket)
			.query(String.class)
			.optional()
			.orElse(NO_CODE);
		boolean legacy = code.length() < AccessCodes.LENGTH;
		if (wait.isZero() && legacy) {
			wait = this.throttle.hold(StatusCheckThrottle.ALL_SOURCES, ticket, LEGACY_TICKET_FREE_FAILURES);
		}
		if (!wait.isZero()) {
			return new Result(Outcome.SLOWED_DOWN, Math.max(1, (wait.toMillis() + 999) / 1000));
		}
		if (AccessCodes.matches(code, typedCode) && !code.equals(NO_CODE)) {
			this.throttle.recordSuccess(source, ticket);
			return new Result(Outcome.UNLOCKED, 0);
		}
		this.throttle.recordFailure(source, ticket);
		if (legacy) {
			this.throttle.recordFailure(StatusCheckThrottle.ALL_SOURCES, ticket);
		}
		return new Result(Outcome.NO_MATCH, 0);
	}

	enum Outcome {

		UNLOCKED, NO_MATCH, SLOWED_DOWN

	}

	/**
	 * @param waitSeconds with {@link Outcome#SLOWED_DOWN}: how long still to wait
	 */
	record Result(Outcome outcome, long waitSeconds) {
	}

}
