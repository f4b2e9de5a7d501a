package id.ugdkemiskinan.users.account;

import id.ugdkemiskinan.users.Role;
import id.ugdkemiskinan.users.login.LoginThrottle;
import java.time.Instant;

/**
 * One line of the admin's user list.
 *
 * @param email the contact address, else {@code null}
 * @param phone the contact number (E.164), else {@code null}
 * @param failures the failed logins of the last day, else {@code null}
 */
public record UserRow(long id, String username, String fullName, Role role, String scopeName, boolean enabled,
		boolean mustChangePassword, Instant createdAt, String email, String phone,
		LoginThrottle.LoginFailures failures) {
}
