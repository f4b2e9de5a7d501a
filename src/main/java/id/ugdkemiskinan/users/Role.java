package id.ugdkemiskinan.users;

/** The five roles of DESIGN.md; each lands on its own home page after login. */
public enum Role {

	/** Staff of one kecamatan's UPT: files and closes the cases of their kecamatan. */
	OPERATOR_UPT("/kasus"),
	/** Staff of one dinas: answers the assignments of their dinas. */
	PETUGAS_DINAS("/antrian"),
	/** The UGD secretariat (Kesra): triages, re-routes, sees everything. */
	SEKRETARIAT("/dasbor"),
	/** Bupati's office: sees everything, read-only. */
	PIMPINAN("/dasbor"),
	/** System administrator: users and reference data. */
	ADMIN("/admin/pengguna");

	private final String home;

	Role(String home) {
		this.home = home;
	}

	public String home() {
		return this.home;
	}

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
