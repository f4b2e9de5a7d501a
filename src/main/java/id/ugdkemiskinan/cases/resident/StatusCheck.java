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
 */
@Service
class StatusCheck {

	/** Compared when the ticket is unknown: no case has it (codes have no '0'). */
	private static final String NO_CODE = "0000000000";

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
		if (!wait.isZero()) {
			return new Result(Outcome.SLOWED_DOWN, Math.max(1, (wait.toMillis() + 999) / 1000));
		}
		String code = this.jdbc.sql("SELECT access_code FROM case_file WHERE ticket = :ticket")
			.param("ticket", ticket)
			.query(String.class)
			.optional()
			.orElse(NO_CODE);
		if (AccessCodes.matches(code, typedCode) && !code.equals(NO_CODE)) {
			this.throttle.recordSuccess(source, ticket);
			return new Result(Outcome.UNLOCKED, 0);
		}
		this.throttle.recordFailure(source, ticket);
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
