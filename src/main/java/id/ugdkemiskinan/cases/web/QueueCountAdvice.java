package id.ugdkemiskinan.cases.web;

import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The count of waiting assignments beside "Antrian" in the navigation of dinas staff. */
@ControllerAdvice(annotations = Controller.class)
class QueueCountAdvice {

	private final CaseQueries queries;

	QueueCountAdvice(CaseQueries queries) {
		this.queries = queries;
	}

	@ModelAttribute("waitingCount")
	Long waitingCount(@AuthenticationPrincipal CurrentUser user) {
		return user != null && user.role() == Role.PETUGAS_DINAS ? this.queries.waitingCount(user.dinasCode()) : null;
	}

}
