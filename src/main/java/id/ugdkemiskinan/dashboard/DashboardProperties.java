package id.ugdkemiskinan.dashboard;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The dashboard's settings ({@code ugd.dashboard.*}); the defaults are in
 * {@code application.properties}.
 *
 * @param rollupInterval how often whole past months are (re)built into the dashboard's
 * roll-up
 * @param rollupGrace how long after a month has ended (or its row appeared) it is first
 * built
 * @param rollupEnabled whether this instance builds roll-ups on a schedule (tests call it
 * themselves)
 * @param refreshInterval how often the dashboard page refreshes its figures (htmx)
 * @param satisfactionMinAnswers the least answers of residents a dinas or kecamatan needs
 * for its satisfaction to be shown and ranked
 */
@Validated
@ConfigurationProperties("ugd.dashboard")
public record DashboardProperties(@NotNull Duration rollupInterval, @NotNull Duration rollupGrace,
		@NotNull Boolean rollupEnabled, @NotNull Duration refreshInterval,
		@NotNull @Min(1) Integer satisfactionMinAnswers) {

	@AssertTrue(message = "ugd.dashboard.rollup-interval must be positive")
	public boolean isRollupIntervalPositive() {
		return this.rollupInterval == null || !this.rollupInterval.isNegative() && !this.rollupInterval.isZero();
	}

	@AssertTrue(message = "ugd.dashboard.rollup-grace must not be negative")
	public boolean isRollupGraceNotNegative() {
		return this.rollupGrace == null || !this.rollupGrace.isNegative();
	}

	@AssertTrue(message = "ugd.dashboard.refresh-interval must be positive")
	public boolean isRefreshIntervalPositive() {
		return this.refreshInterval == null || !this.refreshInterval.isNegative() && !this.refreshInterval.isZero();
	}

}
