package id.ugdkemiskinan.notifications;

import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The bell in the navigation: the number of unread notifications (an index-only count).
 */
@ControllerAdvice(annotations = Controller.class)
class BellAdvice {

	private final Inbox inbox;

	BellAdvice(Inbox inbox) {
		this.inbox = inbox;
	}

	@ModelAttribute("unreadNotifications")
	Long unreadNotifications(@AuthenticationPrincipal CurrentUser user) {
		if (user == null || user.role() == Role.ADMIN) {
			return null;
		}
		return this.inbox.unread(user.id());
	}

}
