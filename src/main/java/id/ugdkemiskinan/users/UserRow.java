package id.ugdkemiskinan.users;

import java.time.Instant;

/** One line of the admin's user list. */
record UserRow(long id, String username, String fullName, Role role, String scopeName, boolean enabled,
		boolean mustChangePassword, Instant createdAt) {
}
