package id.ugdkemiskinan.users;

import java.util.Locale;

final class Usernames {

	private Usernames() {
	}

	/** User names are case-insensitive: stored and looked up in lower case, without surrounding blanks. */
	static String normalize(String username) {
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

}
