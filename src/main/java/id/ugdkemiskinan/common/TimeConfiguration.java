package id.ugdkemiskinan.common;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	/**
	 * The one source of "now" for the application's own logic (lockouts, due times, SLA
	 * states), so that tests move time instead of sleeping. It ticks in microseconds, the
	 * precision of PostgreSQL's timestamptz, so an instant read back from the database
	 * equals the one written.
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

}
