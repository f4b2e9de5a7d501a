package id.ugdkemiskinan.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start the {@code prod} profile without an external database: production data
 * must never land in an embedded server by accident. Registered in
 * {@code META-INF/spring.factories} so it runs before any bean exists.
 */
public class ProductionGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	static final List<String> REQUIRED = List.of("spring.datasource.url", "spring.datasource.username",
			"spring.datasource.password");

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (!environment.matchesProfiles("prod")) {
			return;
		}
		List<String> missing = new ArrayList<>();
		for (String key : REQUIRED) {
			if (!StringUtils.hasText(environment.getProperty(key))) {
				missing.add(key.toUpperCase().replace('.', '_'));
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("Profile 'prod' needs an external PostgreSQL: set "
					+ String.join(", ", missing) + " (the embedded database is never used in production).");
		}
	}

}
