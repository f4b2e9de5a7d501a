package id.ugdkemiskinan.cases.api;

import id.ugdkemiskinan.cases.domain.CaseStatus;
import id.ugdkemiskinan.cases.query.CaseFilter;

import id.ugdkemiskinan.common.Paging;

/**
 * {@code GET /api/v1/cases}'s query parameters as given, read strictly by
 * {@link #filter()} and {@link #paging(int, int)}; an {@code overdue} that cannot be read
 * fails the binding (400).
 */
record CaseListApiParams(String status, String dinas, String kecamatan, Boolean overdue, String q, String page,
		String size) {

	CaseFilter filter() {
		return new CaseFilter(Paging.option("status", status, CaseStatus.class), dinas, null, null, null, null, null,
				Boolean.TRUE.equals(overdue), kecamatan, q);
	}

	Paging paging(int defaultSize, int maxSize) {
		return Paging.parse(this.page, this.size, defaultSize, maxSize);
	}

}
