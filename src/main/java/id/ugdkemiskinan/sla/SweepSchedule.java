package id.ugdkemiskinan.sla;

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
 * Runs the sweeper once right at start-up (catching up on everything that fell due while the app
 * was down) and then every {@code ugd.sla.sweep-interval}. Several instances may all run it: the
 * sweeper's row locks keep every record single.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ugd.sla.sweep-enabled", matchIfMissing = true)
class SweepSchedule {

	private static final Logger log = LoggerFactory.getLogger(SweepSchedule.class);

	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskScheduler slaSweepScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("sla-sweep-");
		scheduler.setWaitForTasksToCompleteOnShutdown(false);
		return scheduler;
	}

	@Bean
	SweepStarter sweepStarter(ThreadPoolTaskScheduler slaSweepScheduler, SlaSweeper sweeper, UgdProperties properties) {
		return new SweepStarter(slaSweepScheduler, sweeper, properties.sla().sweepInterval());
	}

	static class SweepStarter {

		private final TaskScheduler scheduler;

		private final SlaSweeper sweeper;

		private final Duration interval;

		SweepStarter(TaskScheduler scheduler, SlaSweeper sweeper, Duration interval) {
			this.scheduler = scheduler;
			this.sweeper = sweeper;
			this.interval = interval;
		}

		@EventListener(ApplicationReadyEvent.class)
		void start() {
			log.info("SLA sweeper runs now and every {}", this.interval);
			this.scheduler.scheduleWithFixedDelay(this::sweepSafely, this.interval);
		}

		private void sweepSafely() {
			try {
				this.sweeper.sweep();
			}
			catch (RuntimeException ex) {
				// A database outage must not end the schedule: the next run catches up.
				log.warn("SLA sweep failed, retrying in {}: {}", this.interval, ex.getMessage());
			}
		}

	}

}
