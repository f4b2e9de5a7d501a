package id.ugdkemiskinan.sla;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The SLA's settings ({@code ugd.sla.*}); the defaults are in
 * {@code application.properties}.
 *
 * @param responseTime how long a dinas has to respond to an assignment
 * @param atRiskRatio the share of that time after which an assignment is at risk
 * @param sweepInterval how often the sweeper records at-risk, breached and escalated
 * assignments
 * @param escalationAfter the former single escalation's delay after a breach; the sweeper
 * follows the escalation chain kept in the database ({@link EscalationChain}), whose
 * default level is this default (4 hours)
 * @param sweepEnabled whether this instance runs the sweeper on a schedule (tests call it
 * themselves)
 */
@Validated
@ConfigurationProperties("ugd.sla")
public record SlaProperties(@NotNull Duration responseTime,
		@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1",
				inclusive = false) Double atRiskRatio,
		@NotNull Duration sweepInterval, @NotNull Duration escalationAfter, @NotNull Boolean sweepEnabled) {

	@AssertTrue(message = "ugd.sla.response-time must be positive")
	public boolean isResponseTimePositive() {
		return this.responseTime == null || !this.responseTime.isNegative() && !this.responseTime.isZero();
	}

	@AssertTrue(message = "ugd.sla.sweep-interval must be positive")
	public boolean isSweepIntervalPositive() {
		return this.sweepInterval == null || !this.sweepInterval.isNegative() && !this.sweepInterval.isZero();
	}

	@AssertTrue(message = "ugd.sla.escalation-after must not be negative")
	public boolean isEscalationAfterNotNegative() {
		return this.escalationAfter == null || !this.escalationAfter.isNegative();
	}

}
