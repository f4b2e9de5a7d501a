package id.ugdkemiskinan.config;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's own settings ({@code ugd.*}); every one can be set through the environment,
 * e.g. {@code UGD_KABUPATEN_CODE=64.02}. The README lists them.
 */
@ConfigurationProperties("ugd")
public record UgdProperties(String kabupatenCode, ZoneId zone, Demo demo, Sla sla, Dashboard dashboard, Admin admin) {

	public UgdProperties {
		kabupatenCode = kabupatenCode == null ? "35.10" : kabupatenCode.trim();
		zone = zone == null ? ZoneId.of("Asia/Jakarta") : zone;
		demo = demo == null ? new Demo(null, null) : demo;
		sla = sla == null ? new Sla(null, null, null, null, null) : sla;
		dashboard = dashboard == null ? new Dashboard(null, null, null, null) : dashboard;
		admin = admin == null ? new Admin(null, null) : admin;
	}

	/**
	 * @param enabled demo accounts and banner; unset means "on with the embedded database"
	 * @param cases seed demo cases (used once cases exist)
	 */
	public record Demo(Boolean enabled, Boolean cases) {
		public Demo {
			cases = cases == null || cases;
		}
	}

	/**
	 * @param responseTime how long a dinas has to respond to an assignment
	 * @param atRiskRatio the share of that time after which an assignment is at risk
	 * @param sweepInterval how often the sweeper records at-risk, breached and escalated assignments
	 * @param escalationAfter how long after a breach, still without response, it escalates to the leadership
	 * @param sweepEnabled whether this instance runs the sweeper on a schedule (tests call it themselves)
	 */
	public record Sla(Duration responseTime, Double atRiskRatio, Duration sweepInterval, Duration escalationAfter,
			Boolean sweepEnabled) {
		public Sla {
			responseTime = responseTime == null ? Duration.ofHours(4) : responseTime;
			atRiskRatio = atRiskRatio == null ? 0.75 : atRiskRatio;
			sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
			escalationAfter = escalationAfter == null ? Duration.ofHours(4) : escalationAfter;
			sweepEnabled = sweepEnabled == null || sweepEnabled;
			if (responseTime.isNegative() || responseTime.isZero()) {
				throw new IllegalArgumentException("ugd.sla.response-time must be positive");
			}
			if (atRiskRatio <= 0 || atRiskRatio >= 1) {
				throw new IllegalArgumentException("ugd.sla.at-risk-ratio must lie between 0 and 1");
			}
		}
	}

	/**
	 * @param rollupInterval how often whole past months are (re)built into the dashboard's roll-up
	 * @param rollupGrace how long after a month has ended (or its row appeared) it is first built
	 * @param rollupEnabled whether this instance builds roll-ups on a schedule (tests call it themselves)
	 * @param refreshInterval how often the dashboard page refreshes its figures (htmx)
	 */
	public record Dashboard(Duration rollupInterval, Duration rollupGrace, Boolean rollupEnabled,
			Duration refreshInterval) {
		public Dashboard {
			refreshInterval = refreshInterval == null ? Duration.ofSeconds(30) : refreshInterval;
			rollupInterval = rollupInterval == null ? Duration.ofMinutes(1) : rollupInterval;
			rollupGrace = rollupGrace == null ? Duration.ofMinutes(5) : rollupGrace;
			rollupEnabled = rollupEnabled == null || rollupEnabled;
		}
	}

	/** The first administrator created in {@code prod} when no account exists yet. */
	public record Admin(String username, String password) {
	}

}
