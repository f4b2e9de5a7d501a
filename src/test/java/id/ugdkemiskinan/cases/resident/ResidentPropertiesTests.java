package id.ugdkemiskinan.cases.resident;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ugd.resident.*}: the defaults from application.properties, bad values refused.
 */
class ResidentPropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(Settings.class);

	@Test
	void defaultsComeFromApplicationProperties() {
		this.contexts.run(context -> assertThat(context.getBean(ResidentProperties.class))
			.isEqualTo(new ResidentProperties(5, Duration.ofSeconds(30), Duration.ofDays(1), Duration.ofDays(14))));
	}

	@Test
	void badValuesStopTheStart() {
		assertFails("ugd.resident.free-failures=0", "freeFailures");
		assertFails("ugd.resident.slow-down=PT0S", "ugd.resident.slow-down must be positive");
		assertFails("ugd.resident.forget-after=PT10S", "ugd.resident.forget-after must be longer");
		assertFails("ugd.resident.answer-window=-P1D", "ugd.resident.answer-window must be positive");
	}

	private void assertFails(String property, String message) {
		this.contexts.withPropertyValues(property).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining(message);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ResidentProperties.class)
	static class Settings {

	}

}
