package id.ugdkemiskinan.cases;

import java.time.LocalDate;

/**
 * The case list's filters; every one optional. {@code q} searches the ticket (exact), the NIK
 * (exact) or the start of the beneficiary's name.
 */
record CaseFilter(CaseStatus status, String dinas, String category, String desa, Priority priority,
		LocalDate filedFrom, LocalDate filedTo, boolean overdue, String kecamatan, String q) {


}
