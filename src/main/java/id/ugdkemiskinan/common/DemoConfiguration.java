package id.ugdkemiskinan.common;

import java.util.Arrays;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

	/**
	 * Demo mode is on by default with the embedded database, off with an external one,
	 * and always off in {@code prod} whatever the property says.
	 */
	@Bean
	DemoMode demoMode(DemoProperties properties, Environment environment,
			ObjectProvider<EmbeddedPostgres> embeddedPostgres) {
		if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
			return new DemoMode(false, false);
		}
		Boolean configured = properties.enabled();
		boolean enabled = configured != null ? configured : embeddedPostgres.getIfAvailable() != null;
		return new DemoMode(enabled, enabled && properties.cases());
	}

}
