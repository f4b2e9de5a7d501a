package id.ugdkemiskinan.users.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first administrator created in {@code prod} when no account exists yet
 * ({@code ugd.admin.*}, usually {@code UGD_ADMIN_USERNAME} and
 * {@code UGD_ADMIN_PASSWORD}). Neither has a default; whether they are needed, and good
 * enough, is checked by {@link ProductionAdmin} at start.
 *
 * @param username the administrator's user name
 * @param password the administrator's first password
 */
@Validated
@ConfigurationProperties("ugd.admin")
public record AdminProperties(String username, String password) {
}
