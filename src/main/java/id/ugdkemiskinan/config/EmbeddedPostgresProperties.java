package id.ugdkemiskinan.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL server that the app starts when no external database is configured.
 *
 * @param enabled whether to start it at all (it never starts when {@code spring.datasource.url} is set)
 * @param dataDir where the server keeps its data; kept across restarts
 * @param port the port to listen on, {@code 0} for any free port
 */
@ConfigurationProperties("ugd.embedded-postgres")
public record EmbeddedPostgresProperties(Boolean enabled, Path dataDir, Integer port) {

	public EmbeddedPostgresProperties {
		enabled = enabled == null || enabled;
		dataDir = dataDir == null ? Path.of("data", "postgres") : dataDir;
		port = port == null ? 0 : port;
	}

}
