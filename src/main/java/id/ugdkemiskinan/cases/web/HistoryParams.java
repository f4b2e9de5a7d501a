package id.ugdkemiskinan.cases.web;

import id.ugdkemiskinan.cases.domain.AssignmentStatus;
import id.ugdkemiskinan.cases.query.HistoryFilter;

import id.ugdkemiskinan.common.Paging;

/**
 * A dinas history's query parameters as given, read strictly by {@link #filter()} and
 * {@link #paging(int)}.
 */
record HistoryParams(String status, String kecamatan, String q, String page) {

	HistoryFilter filter() {
		return new HistoryFilter(Paging.option("status", status, AssignmentStatus.class), kecamatan, q);
	}

	Paging paging(int size) {
		return Paging.parse(this.page, size);
	}

}
