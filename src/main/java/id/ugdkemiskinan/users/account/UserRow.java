package id.ugdkemiskinan.users.account;

import id.ugdkemiskinan.users.Role;
import id.ugdkemiskinan.users.login.LoginThrottle;
import java.time.Instant;

/**
 * One line of the admin's user list.
 *
 * @param failures the failed logins of the last day, else {@code null}
 */
public record UserRow(long id, String username, String fullName, Role role, String scopeName, boolean enabled,
		boolean mustChangePassword, Instant createdAt, LoginThrottle.LoginFailures failures) {
}
