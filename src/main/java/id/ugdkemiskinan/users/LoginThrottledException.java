package id.ugdkemiskinan.users;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * A login refused without looking at the password: this source failed too often with this
 * user name (or with many) and must wait {@link #retryAfter()} before trying again.
 */
public class LoginThrottledException extends LockedException {

	private final Duration retryAfter;

	public LoginThrottledException(Duration retryAfter) {
		super("too many failed logins; retry after " + retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whole seconds, rounded up, at least one: for {@code Retry-After} and the login
	 * page.
	 */
	public long retryAfterSeconds() {
		long seconds = this.retryAfter.toSeconds() + ((this.retryAfter.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
