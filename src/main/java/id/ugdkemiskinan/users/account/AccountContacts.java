package id.ugdkemiskinan.users.account;

/**
 * An account's contacts as stored, for the admin's contact form.
 *
 * @param email the address, else {@code null}
 * @param phone the E.164 number, else {@code null}
 */
public record AccountContacts(long id, String username, String fullName, String email, String phone) {
}
