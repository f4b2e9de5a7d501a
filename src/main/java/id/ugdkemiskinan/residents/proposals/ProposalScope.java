package id.ugdkemiskinan.residents.proposals;

import java.util.Map;

import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

/**
 * Who sees which proposals: the secretariat and the dinas of the verval (DINSOS, which
 * runs the DTSEN verval) all; an operator those of their kecamatan; anyone else none
 * (403). The secretariat and that dinas decide. Applied in SQL on
 * {@code data_proposal d}; a proposal outside it answers 404.
 */
record ProposalScope(Role role, String kecamatanCode, boolean vervalDinas) {

	static ProposalScope of(CurrentUser user, String vervalDinas) {
		return new ProposalScope(user.role(), user.kecamatanCode() == null ? "" : user.kecamatanCode(),
				user.role() == Role.PETUGAS_DINAS && vervalDinas.equals(user.dinasCode()));
	}

	boolean mayList() {
		return this.role == Role.SEKRETARIAT || this.role == Role.OPERATOR_UPT || this.vervalDinas;
	}

	boolean mayDecide() {
		return this.role == Role.SEKRETARIAT || this.vervalDinas;
	}

	String sqlCondition() {
		if (this.role == Role.SEKRETARIAT || this.vervalDinas) {
			return "TRUE";
		}
		return this.role == Role.OPERATOR_UPT ? "d.kecamatan_code = :scopeKecamatan" : "FALSE";
	}

	Map<String, Object> params() {
		return Map.of("scopeKecamatan", this.kecamatanCode);
	}

}
