package id.ugdkemiskinan.cases.query;

import id.ugdkemiskinan.cases.domain.CaseStatus;
import id.ugdkemiskinan.cases.domain.Priority;
import java.time.LocalDate;

/**
 * The case list's filters; every one optional. {@code q} searches any part of the
 * resident's name, digits of the NIK, KK or phone, or the ticket with or without its
 * prefix ({@link CaseSearch}).
 */
public record CaseFilter(CaseStatus status, String dinas, String category, String desa, Priority priority,
		LocalDate filedFrom, LocalDate filedTo, boolean overdue, String kecamatan, String q) {

}
