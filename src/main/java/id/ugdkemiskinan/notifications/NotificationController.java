package id.ugdkemiskinan.notifications;

import jakarta.servlet.http.HttpServletRequest;

import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bell's page: the user's notifications, newest first; each can be marked read, or
 * all at once.
 */
@Controller
class NotificationController {

	static final int PAGE_SIZE = 50;

	private final Inbox inbox;

	NotificationController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/notifikasi")
	String listNotifications(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String page,
			HttpServletRequest request, Model model) {
		Paging paging = Paging.parse(page, PAGE_SIZE);
		Inbox.InboxPage result = this.inbox.page(user.id(), paging);
		model.addAttribute("notifications", result.rows());
		model.addAttribute("pager", Pager.of(request, paging, result.rows().size(), result.counted()));
		return "notifications/list";
	}

	@PostMapping("/notifikasi/{id}/dibaca")
	String markRead(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		this.inbox.markRead(user.id(), id);
		return "redirect:/notifikasi";
	}

	@PostMapping("/notifikasi/dibaca-semua")
	String markAllRead(@AuthenticationPrincipal CurrentUser user) {
		this.inbox.markAllRead(user.id());
		return "redirect:/notifikasi";
	}

}
