package id.ugdkemiskinan.users.account;

/**
 * The admin's form for an account's contacts; empty fields mean no contact.
 *
 * @param email an email address
 * @param phone an Indonesian mobile number as typed (08…, +62…, 62…)
 */
public record ContactForm(String email, String phone) {

	public static ContactForm of(AccountContacts contacts) {
		return new ContactForm(contacts.email() == null ? "" : contacts.email(),
				contacts.phone() == null ? "" : contacts.phone());
	}

}
