package id.ugdkemiskinan.config;

import java.util.ArrayList;
import java.util.List;

import id.ugdkemiskinan.UgdApplication;
import id.ugdkemiskinan.common.DemoMode;
import id.ugdkemiskinan.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionProfileTests {

	@Test
	void prodRefusesToStartWithoutAnExternalDatabase() {
		assertThatThrownBy(
				() -> SpringApplication.run(UgdApplication.class, "--server.port=0", "--spring.profiles.active=prod"))
			.hasMessageContaining("SPRING_DATASOURCE_URL")
			.hasMessageContaining("external PostgreSQL");
	}

	@Test
	void prodRefusesAFirstStartWithoutAnAdministrator() {
		assertThatThrownBy(() -> SpringApplication.run(UgdApplication.class, prodArgs("prod_noadmin")))
			.hasStackTraceContaining("UGD_ADMIN_USERNAME and UGD_ADMIN_PASSWORD");
	}

	@Test
	void prodCreatesTheFirstAdministratorAndNeverDemoAccounts() {
		try (ConfigurableApplicationContext context = SpringApplication.run(UgdApplication.class,
				prodArgs("prod_admin", "--ugd.admin.username=kepala.admin", "--ugd.admin.password=sangat-rahasia-99",
						"--ugd.demo.enabled=true"))) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT username || ':' || role FROM app_user").query(String.class).list())
				.containsExactly("kepala.admin:ADMIN");
			assertThat(context.getBean(DemoMode.class).enabled()).isFalse();
		}
	}

	private static String[] prodArgs(String database, String... more) {
		TestDatabase db = TestDatabase.get();
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=prod",
				"--spring.datasource.url=" + db.jdbcUrl(database), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password()));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

}
