package id.ugdkemiskinan.cases.web;

import id.ugdkemiskinan.cases.query.QueueFilter;

import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.sla.SlaState;

/**
 * A queue's query parameters as given, read strictly by {@link #filter()} and
 * {@link #paging(int)}.
 */
record QueueParams(String state, String kecamatan, String category, String page) {

	QueueFilter filter() {
		return new QueueFilter(Paging.option("state", state, SlaState.class, s -> !s.returned()), kecamatan, category);
	}

	Paging paging(int size) {
		return Paging.parse(this.page, size);
	}

}
