package id.ugdkemiskinan.cases.api;

import id.ugdkemiskinan.cases.query.QueueFilter;

import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.sla.SlaState;

/**
 * {@code GET /api/v1/assignments}'s query parameters as given, read strictly by
 * {@link #filter()} and {@link #paging}.
 */
record QueueApiParams(String state, String kecamatan, String page, String size) {

	QueueFilter filter() {
		return new QueueFilter(Paging.option("state", state, SlaState.class, s -> !s.returned()), kecamatan, null);
	}

	Paging paging(int defaultSize, int maxSize) {
		return Paging.parse(this.page, this.size, defaultSize, maxSize);
	}

}
