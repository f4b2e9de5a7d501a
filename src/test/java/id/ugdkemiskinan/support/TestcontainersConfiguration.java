package id.ugdkemiskinan.support;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Points the application at the test run's PostgreSQL ({@link TestDatabase}, one server
 * per JVM): database {@code ugd.test.database} (default {@code ugd}) on it. Where a
 * Docker engine answers, the default database is the Testcontainers container's own,
 * connected by Spring Boot ({@code @ServiceConnection}); a test that names another
 * database, or a machine without Docker, gets a {@link JdbcConnectionDetails} for that
 * database on the same server (the embedded PostgreSQL when there is no Docker engine).
 * Also what {@code TestUgdApplication} runs on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestcontainersConfiguration {

	private static final String DATABASE = "ugd.test.database";

	/**
	 * The run's one container; not stopped with the context, other contexts (and the
	 * JVM's end) share it.
	 */
	@Bean(destroyMethod = "")
	@ServiceConnection
	@Conditional(ContainerDatabase.class)
	PostgreSQLContainer postgresContainer() {
		return TestDatabase.get().container();
	}

	@Bean
	@Conditional(NamedDatabase.class)
	JdbcConnectionDetails testDatabaseConnectionDetails(org.springframework.core.env.Environment environment) {
		TestDatabase server = TestDatabase.get();
		String url = server.jdbcUrl(environment.getProperty(DATABASE, TestDatabase.CONTAINER_DATABASE));
		return new JdbcConnectionDetails() {
			@Override
			public String getUsername() {
				return server.username();
			}

			@Override
			public String getPassword() {
				return server.password();
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}
		};
	}

	/**
	 * A Docker engine answers and the test wants the default database: the container's
	 * own.
	 */
	static class ContainerDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TestDatabase.dockerAvailable() && TestDatabase.CONTAINER_DATABASE
				.equals(context.getEnvironment().getProperty(DATABASE, TestDatabase.CONTAINER_DATABASE));
		}

	}

	/** Every other case: a database by name on the run's server. */
	static class NamedDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !new ContainerDatabase().matches(context, metadata);
		}

	}

}
