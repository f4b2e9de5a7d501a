package id.ugdkemiskinan.inbox.web;

import id.ugdkemiskinan.inbox.InboxQueries;
import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The count of open conversations beside "Pesan masuk" for the secretariat and UPT
 * operators: one count over a partial index.
 */
@ControllerAdvice(annotations = Controller.class)
class InboxCountAdvice {

	private final InboxQueries queries;

	InboxCountAdvice(InboxQueries queries) {
		this.queries = queries;
	}

	@ModelAttribute("inboxOpenCount")
	@Nullable Long inboxOpenCount(@AuthenticationPrincipal @Nullable CurrentUser user) {
		return (user == null) ? null : this.queries.openCount(user);
	}

}
