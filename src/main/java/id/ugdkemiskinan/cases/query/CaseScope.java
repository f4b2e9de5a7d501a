package id.ugdkemiskinan.cases.query;

import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

/**
 * Which cases a user may see: an operator those of their kecamatan, dinas staff those
 * with an assignment for their dinas, the secretariat and the leadership all, the admin
 * none. Every query that reads cases applies it in SQL; a case outside it answers 404.
 */
public record CaseScope(Role role, long userId, String kecamatanCode, String dinasCode) {

	public static CaseScope of(CurrentUser user) {
		return new CaseScope(user.role(), user.id(), user.kecamatanCode(), user.dinasCode());
	}

	boolean seesEverything() {
		return this.role == Role.SEKRETARIAT || this.role == Role.PIMPINAN;
	}

	boolean seesConfidentialReporter() {
		return this.role == Role.SEKRETARIAT;
	}

	boolean mayFile() {
		return this.role == Role.OPERATOR_UPT || this.role == Role.SEKRETARIAT;
	}

	/**
	 * The SQL condition on {@code case_file c} for this scope, with its parameters bound
	 * as {@code :scopeKecamatan} / {@code :scopeDinas}.
	 */
	String sqlCondition() {
		return switch (this.role) {
			case SEKRETARIAT, PIMPINAN -> "TRUE";
			case OPERATOR_UPT -> "c.kecamatan_code = :scopeKecamatan";
			case PETUGAS_DINAS ->
				"EXISTS (SELECT 1 FROM assignment sa WHERE sa.case_id = c.id AND sa.dinas_code = :scopeDinas)";
			case ADMIN -> "FALSE";
		};
	}

}
