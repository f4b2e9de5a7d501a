package id.ugdkemiskinan.notifications;

import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The bell in the navigation: the number of unread notifications (an index-only count).
 */
@ControllerAdvice(annotations = Controller.class)
class BellAdvice {

	private final JdbcClient jdbc;

	BellAdvice(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ModelAttribute("unreadNotifications")
	Long unreadNotifications(@AuthenticationPrincipal CurrentUser user) {
		if (user == null || user.role() == Role.ADMIN) {
			return null;
		}
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND read_at IS NULL")
			.param("user", user.id())
			.query(Long.class)
			.single();
	}

}
