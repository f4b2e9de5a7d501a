package id.ugdkemiskinan.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

	/**
	 * The one source of "now" for the application's own logic (lockouts, due times, SLA states),
	 * so that tests move time instead of sleeping. It ticks in microseconds, the precision of
	 * PostgreSQL's timestamptz, so an instant read back from the database equals the one written.
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

	/**
	 * Demo mode is on by default with the embedded database, off with an external one, and always
	 * off in {@code prod} whatever the property says.
	 */
	@Bean
	DemoMode demoMode(UgdProperties properties, Environment environment,
			ObjectProvider<EmbeddedPostgres> embeddedPostgres) {
		if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
			return new DemoMode(false, false);
		}
		Boolean configured = properties.demo().enabled();
		boolean enabled = configured != null ? configured : embeddedPostgres.getIfAvailable() != null;
		return new DemoMode(enabled, enabled && properties.demo().cases());
	}

}
