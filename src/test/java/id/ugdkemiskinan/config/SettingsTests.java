package id.ugdkemiskinan.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import id.ugdkemiskinan.UgdApplication;
import id.ugdkemiskinan.common.DemoProperties;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.dashboard.DashboardProperties;
import id.ugdkemiskinan.region.RegionProperties;
import id.ugdkemiskinan.sla.SlaProperties;
import id.ugdkemiskinan.support.TestDatabase;
import id.ugdkemiskinan.users.admin.AdminProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every module's {@code ugd.*} settings: the defaults come from
 * {@code application.properties} alone, and a bad value stops the start with a message
 * that names the setting.
 */
class SettingsTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(AllSettings.class);

	@Test
	void defaultsComeFromApplicationProperties() {
		this.contexts.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RegionProperties.class).kabupatenCode()).isEqualTo("35.10");
			assertThat(context.getBean(TimeProperties.class).zone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
			assertThat(context.getBean(DemoProperties.class)).isEqualTo(new DemoProperties(null, true));
			assertThat(context.getBean(SlaProperties.class)).isEqualTo(
					new SlaProperties(Duration.ofHours(4), 0.75, Duration.ofMinutes(1), Duration.ofHours(4), true));
			assertThat(context.getBean(DashboardProperties.class)).isEqualTo(new DashboardProperties(
					Duration.ofMinutes(1), Duration.ofMinutes(5), true, Duration.ofSeconds(30), 10));
			assertThat(context.getBean(AdminProperties.class)).isEqualTo(new AdminProperties(null, null));
			assertThat(context.getBean(EmbeddedPostgresProperties.class))
				.isEqualTo(new EmbeddedPostgresProperties(true, Path.of("data", "postgres"), 0));
		});
	}

	@Test
	void theKabupatenCodeIsTrimmed() {
		this.contexts.withPropertyValues("ugd.kabupaten-code= 64.02 ")
			.run((context) -> assertThat(context.getBean(RegionProperties.class).kabupatenCode()).isEqualTo("64.02"));
	}

	@Test
	void anAtRiskRatioOutsideZeroAndOneStopsTheStart() {
		assertFails("ugd.sla.at-risk-ratio=1.5", "atRiskRatio", "must be less than 1");
		assertFails("ugd.sla.at-risk-ratio=0", "atRiskRatio", "must be greater than 0");
	}

	@Test
	void aResponseTimeOfZeroStopsTheStart() {
		assertFails("ugd.sla.response-time=PT0S", "responseTimePositive", "ugd.sla.response-time must be positive");
	}

	@Test
	void badIntervalsStopTheStart() {
		assertFails("ugd.sla.sweep-interval=-PT1M", "sweepIntervalPositive", "ugd.sla.sweep-interval must be positive");
		assertFails("ugd.dashboard.rollup-interval=PT0S", "rollupIntervalPositive",
				"ugd.dashboard.rollup-interval must be positive");
		assertFails("ugd.dashboard.refresh-interval=PT0S", "refreshIntervalPositive",
				"ugd.dashboard.refresh-interval must be positive");
		assertFails("ugd.dashboard.rollup-grace=-PT1S", "rollupGraceNotNegative",
				"ugd.dashboard.rollup-grace must not be negative");
	}

	@Test
	void aMisshapenKabupatenCodeStopsTheStart() {
		assertFails("ugd.kabupaten-code=3510", "kabupatenCode", "must be two pairs of digits such as 35.10");
	}

	@Test
	void anEmbeddedPostgresPortOutOfRangeStopsTheStart() {
		assertFails("ugd.embedded-postgres.port=70000", "port", "must be less than or equal to 65535");
	}

	@Test
	void theApplicationDoesNotStartWithABadSetting() {
		TestDatabase db = TestDatabase.get();

		assertThatThrownBy(() -> SpringApplication.run(UgdApplication.class, "--server.port=0",
				"--ugd.sla.at-risk-ratio=1.5", "--spring.datasource.url=" + db.jdbcUrl("bad_setting"),
				"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password()))
			.rootCause()
			.isInstanceOf(BindValidationException.class)
			.hasMessageContaining("ugd.sla")
			.hasMessageContaining("atRiskRatio")
			.hasMessageContaining("must be less than 1");
	}

	private void assertFails(String property, String field, String message) {
		this.contexts.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining(field)
				.hasMessageContaining(message);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ RegionProperties.class, TimeProperties.class, DemoProperties.class,
			SlaProperties.class, DashboardProperties.class, AdminProperties.class, EmbeddedPostgresProperties.class })
	static class AllSettings {

	}

}
