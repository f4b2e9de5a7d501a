package id.ugdkemiskinan.sla;

import id.ugdkemiskinan.common.PeriodicTask;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the sweeper once right at start-up (catching up on everything that fell due while
 * the app was down) and then every {@code ugd.sla.sweep-interval}. Several instances may
 * all run it: the sweeper's row locks keep every record single.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ugd.sla.sweep-enabled", matchIfMissing = true)
class SweepSchedule {

	@Bean
	PeriodicTask slaSweep(SlaSweeper sweeper, SlaProperties properties) {
		return new PeriodicTask("SLA sweep", properties.sweepInterval(), () -> {
			sweeper.sweep();
			return 0;
		});
	}

}
