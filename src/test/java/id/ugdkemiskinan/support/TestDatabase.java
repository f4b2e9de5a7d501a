package id.ugdkemiskinan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The one PostgreSQL server of a test run: a Testcontainers container where a Docker
 * engine answers, otherwise an embedded server (zonky) that the tests start themselves.
 * Started once per JVM; each test context picks a database on it by name (created on
 * first use), so tests that need an empty database get one without a second server.
 * Application contexts get it through {@link TestcontainersConfiguration}.
 */
public final class TestDatabase {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	/** The container's own database, the one {@code @ServiceConnection} connects to. */
	static final String CONTAINER_DATABASE = "ugd";

	private static volatile TestDatabase instance;

	private static volatile Boolean dockerAvailable;

	private final String urlPrefix;

	private final String username;

	private final String password;

	private final PostgreSQLContainer container;

	private final Set<String> created = ConcurrentHashMap.newKeySet();

	private TestDatabase(String urlPrefix, String username, String password, PostgreSQLContainer container) {
		this.urlPrefix = urlPrefix;
		this.username = username;
		this.password = password;
		this.container = container;
	}

	public static TestDatabase get() {
		if (instance == null) {
			synchronized (TestDatabase.class) {
				if (instance == null) {
					instance = start();
				}
			}
		}
		return instance;
	}

	/**
	 * Every cached test context keeps its own connection pool open on the one server
	 * (Spring's test context cache holds up to 32 contexts).
	 */
	static final int MAX_CONNECTIONS = 400;

	private static TestDatabase start() {
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
				.withDatabaseName(CONTAINER_DATABASE)
				.withCommand("postgres", "-c", "max_connections=" + MAX_CONNECTIONS);
			container.start();
			log.info("Tests use a Testcontainers PostgreSQL at {}", container.getJdbcUrl());
			String url = container.getJdbcUrl();
			return new TestDatabase(url.substring(0, url.lastIndexOf('/') + 1), container.getUsername(),
					container.getPassword(), container);
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setServerConfig("max_connections", String.valueOf(MAX_CONNECTIONS))
				.start();
			log.info("No Docker engine: tests use an embedded PostgreSQL on port {}", postgres.getPort());
			String url = postgres.getJdbcUrl("postgres", "postgres");
			return new TestDatabase(url.substring(0, url.lastIndexOf('/') + 1), "postgres", "postgres", null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL for tests", ex);
		}
	}

	/** Whether a Docker engine answers (asked once per JVM). */
	static boolean dockerAvailable() {
		if (dockerAvailable == null) {
			boolean available;
			try {
				available = DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException ex) {
				available = false;
			}
			dockerAvailable = available;
		}
		return dockerAvailable;
	}

	/** The Testcontainers container, or null when the server is the embedded one. */
	PostgreSQLContainer container() {
		return this.container;
	}

	/** The JDBC URL of the named database, created empty on first use. */
	public String jdbcUrl(String database) {
		if (this.created.add(database)) {
			try (Connection connection = dataSource("postgres").getConnection();
					Statement statement = connection.createStatement()) {
				if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").next()) {
					statement.execute("CREATE DATABASE \"" + database + "\"");
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot create test database " + database, ex);
			}
		}
		return this.urlPrefix + database;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	public DataSource dataSource(String database) {
		String url = database.equals("postgres") ? this.urlPrefix + database : jdbcUrl(database);
		return new SimpleDriverDataSource(new org.postgresql.Driver(), url, this.username, this.password);
	}

}
