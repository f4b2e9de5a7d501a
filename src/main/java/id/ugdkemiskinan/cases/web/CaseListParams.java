package id.ugdkemiskinan.cases.web;

import id.ugdkemiskinan.cases.domain.CaseStatus;
import id.ugdkemiskinan.cases.domain.Priority;
import id.ugdkemiskinan.cases.query.CaseFilter;
import java.time.LocalDate;

import id.ugdkemiskinan.common.Paging;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The case list's query parameters as given: the options and the page are read strictly
 * by {@link #filter()} and {@link #paging(int)} (a value they cannot read is a 400), a
 * date or {@code overdue} that cannot be read fails the binding (also a 400, naming the
 * parameter).
 */
record CaseListParams(String status, String dinas, String category, String desa, String priority,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedTo, Boolean overdue, String kecamatan, String q,
		String page) {

	CaseFilter filter() {
		return new CaseFilter(Paging.option("status", status, CaseStatus.class), dinas, category, desa,
				Paging.option("priority", priority, Priority.class), filedFrom, filedTo, Boolean.TRUE.equals(overdue),
				kecamatan, q);
	}

	Paging paging(int size) {
		return Paging.parse(this.page, size);
	}

}
