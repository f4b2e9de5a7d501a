package id.ugdkemiskinan.common;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Demo mode as configured ({@code ugd.demo.*}); the defaults are in
 * {@code application.properties}. What the application runs with is {@link DemoMode}.
 *
 * @param enabled demo accounts and banner; unset means "on with the embedded database"
 * @param cases seed demo cases (only in demo mode)
 */
@Validated
@ConfigurationProperties("ugd.demo")
public record DemoProperties(Boolean enabled, @NotNull Boolean cases) {
}
