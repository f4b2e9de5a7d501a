package id.ugdkemiskinan.cases.query;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the resident of a case waited (or has waited so far) from filing to the first
 * written response of a dinas: not the secretariat's triage or routing, not a return.
 *
 * @param firstResponseAt the first response of a dinas, {@code null} while there is none
 * @param waiting the case is open and still without one: {@code waited} runs to now
 * @param waited the wait, {@code null} for a case that ended without any dinas response
 */
public record ResidentWait(Instant firstResponseAt, boolean waiting, Duration waited) {

	static ResidentWait of(Instant filedAt, Instant firstResponseAt, boolean open, Instant now) {
		if (firstResponseAt != null) {
			return new ResidentWait(firstResponseAt, false, Duration.between(filedAt, firstResponseAt));
		}
		return open ? new ResidentWait(null, true, Duration.between(filedAt, now))
				: new ResidentWait(null, false, null);
	}

}
