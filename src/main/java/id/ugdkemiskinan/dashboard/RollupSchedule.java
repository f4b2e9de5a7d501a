package id.ugdkemiskinan.dashboard;

import java.time.Duration;

import id.ugdkemiskinan.config.UgdProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Refreshes the dashboard's monthly roll-up right after start-up and then every
 * {@code ugd.dashboard.rollup-interval}, on its own thread so a long first build never delays the
 * SLA sweeper.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ugd.dashboard.rollup-enabled", matchIfMissing = true)
class RollupSchedule {

	private static final Logger log = LoggerFactory.getLogger(RollupSchedule.class);

	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskScheduler dashboardRollupScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("dashboard-rollup-");
		scheduler.setWaitForTasksToCompleteOnShutdown(false);
		return scheduler;
	}

	@Bean
	RollupStarter rollupStarter(ThreadPoolTaskScheduler dashboardRollupScheduler, DashboardRollups rollups,
			UgdProperties properties) {
		return new RollupStarter(dashboardRollupScheduler, rollups, properties.dashboard().rollupInterval());
	}

	static class RollupStarter {

		private final TaskScheduler scheduler;

		private final DashboardRollups rollups;

		private final Duration interval;

		RollupStarter(TaskScheduler scheduler, DashboardRollups rollups, Duration interval) {
			this.scheduler = scheduler;
			this.rollups = rollups;
			this.interval = interval;
		}

		@EventListener(ApplicationReadyEvent.class)
		void start() {
			this.scheduler.scheduleWithFixedDelay(this::refreshSafely, this.interval);
		}

		private void refreshSafely() {
			try {
				int built = this.rollups.refresh();
				if (built > 0) {
					log.info("Dashboard roll-up: {} month(s) built", built);
				}
			}
			catch (RuntimeException ex) {
				// A database outage must not end the schedule; until the next run readers use the raw tables.
				log.warn("Dashboard roll-up failed, retrying in {}: {}", this.interval, ex.getMessage());
			}
		}

	}

}
