package id.ugdkemiskinan.common;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the application tells time ({@code ugd.zone}); the default is in
 * {@code application.properties}.
 *
 * @param zone the kabupaten's time zone, in which times are shown and days, weeks and
 * months are counted
 */
@Validated
@ConfigurationProperties("ugd")
public record TimeProperties(@NotNull ZoneId zone) {
}
