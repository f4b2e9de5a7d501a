package id.ugdkemiskinan.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Points the application at the test run's PostgreSQL ({@link TestDatabase}): database
 * {@code ugd.test.database} (default {@code ugd}) on it. Also replaces the clock with one the
 * tests move.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	JdbcConnectionDetails testDatabaseConnectionDetails(@Value("${ugd.test.database:ugd}") String database) {
		TestDatabase server = TestDatabase.get();
		String url = server.jdbcUrl(database);
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

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

}
