package id.ugdkemiskinan.config;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded PostgreSQL server that the app starts when no external database is
 * configured; the defaults are in {@code application.properties}.
 *
 * @param enabled whether to start it at all (it never starts when
 * {@code spring.datasource.url} is set)
 * @param dataDir where the server keeps its data; kept across restarts
 * @param port the port to listen on, {@code 0} for any free port
 */
@Validated
@ConfigurationProperties("ugd.embedded-postgres")
public record EmbeddedPostgresProperties(@NotNull Boolean enabled, @NotNull Path dataDir,
		@NotNull @Min(0) @Max(65535) Integer port) {
}
