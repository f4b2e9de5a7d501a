package id.ugdkemiskinan.cases.domain;

/** A case is open while any assignment is open; see DESIGN.md "Lifecycle". */
public enum CaseStatus {

	TERBUKA, SELESAI, DITUTUP, DITOLAK

}
