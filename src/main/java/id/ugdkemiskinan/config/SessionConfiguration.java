package id.ugdkemiskinan.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC, {@code spring_session} tables), so
 * any instance behind the load balancer serves any user; idle timeout from
 * {@code server.servlet.session.timeout} (30 minutes). The cookie is set here once, for
 * the embedded server and tests alike.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	static final String COOKIE_NAME = "UGDSESSION";

	@Bean
	CookieSerializer sessionCookieSerializer() {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(COOKIE_NAME);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		return serializer;
	}

	/**
	 * Session attributes are upserted ({@code INSERT ... ON CONFLICT DO UPDATE}): two
	 * requests of one session at once (a double submit, two tabs) both add the flash
	 * message after a filing, and the plain INSERT let the second fail with a duplicate
	 * key, a 500 after its case was filed.
	 */
	/**
	 * Session reads and writes commit without waiting for the WAL flush
	 * ({@code synchronous_commit
	 * = off} for their transactions only): every request touches its session (last access
	 * time), and waiting for the disk there doubled the commits a filing waits for. A
	 * database crash may forget the last fraction of a second of session changes (a user
	 * logs in again); cases and everything else keep durable commits. Not a default
	 * candidate, so the application's own (JPA) transaction manager stays the one
	 * everything else uses.
	 */
	@Bean(defaultCandidate = false)
	@SpringSessionTransactionManager
	PlatformTransactionManager sessionTransactionManager(DataSource dataSource) {
		return new AsynchronousCommitTransactionManager(dataSource);
	}

	static class AsynchronousCommitTransactionManager extends DataSourceTransactionManager {

		AsynchronousCommitTransactionManager(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
				throws SQLException {
			super.prepareTransactionalConnection(connection, definition);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL synchronous_commit TO OFF");
			}
		}

	}

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
