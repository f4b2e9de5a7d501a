package id.ugdkemiskinan.dashboard;

import id.ugdkemiskinan.common.PeriodicTask;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refreshes the dashboard's monthly roll-up right after start-up and then every
 * {@code ugd.dashboard.rollup-interval}, on its own thread so a long first build never
 * delays the SLA sweeper. Until a month is built, readers use the raw tables.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ugd.dashboard.rollup-enabled", matchIfMissing = true)
class RollupSchedule {

	@Bean
	PeriodicTask dashboardRollup(DashboardRollups rollups, DashboardProperties properties) {
		return new PeriodicTask("Dashboard roll-up", properties.rollupInterval(), rollups::refresh);
	}

}
