package id.ugdkemiskinan.inbox;

import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;
import org.jspecify.annotations.Nullable;

/**
 * Whose conversations a user sees: the secretariat every one (its own inbox is those of
 * no kecamatan), a UPT operator those of their kecamatan, anyone else none. Applied in
 * every query as {@link #SQL} with {@code :scopeAll} and {@code :scopeKecamatan}.
 */
record InboxScope(boolean all, @Nullable String kecamatanCode) {

	static final String SQL = "(:scopeAll OR (v.kecamatan_code IS NOT NULL AND v.kecamatan_code = :scopeKecamatan))";

	static InboxScope of(CurrentUser user) {
		if (user.role() == Role.SEKRETARIAT) {
			return new InboxScope(true, null);
		}
		if (user.role() == Role.OPERATOR_UPT && user.kecamatanCode() != null) {
			return new InboxScope(false, user.kecamatanCode());
		}
		return new InboxScope(false, "-");
	}

	String kecamatanParam() {
		return (this.kecamatanCode == null) ? "-" : this.kecamatanCode;
	}

}
