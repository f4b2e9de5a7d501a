package id.ugdkemiskinan.users.account;

import java.util.Locale;

public final class Usernames {

	private Usernames() {
	}

	/**
	 * User names are case-insensitive: stored and looked up in lower case, without
	 * surrounding blanks.
	 */
	public static String normalize(String username) {
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

}
