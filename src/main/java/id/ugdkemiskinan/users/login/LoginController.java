package id.ugdkemiskinan.users.login;

import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.admin.DemoAccounts;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	private static final String FILING_FORM = "/kasus/baru";

	private final DemoAccounts demoAccounts;

	LoginController(DemoAccounts demoAccounts) {
		this.demoAccounts = demoAccounts;
	}

	private final RequestCache requestCache = new HttpSessionRequestCache();

	/**
	 * @param locked the seconds a throttled login must wait (see {@link LoginThrottle});
	 * anything else is ignored
	 */
	@GetMapping("/login")
	String showLoginForm(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "locked", required = false) String locked, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (user != null) {
			return "redirect:" + user.role().home();
		}
		model.addAttribute("demoAccounts", this.demoAccounts.accounts());
		// The session ended while the filing form was open: its draft is kept in the
		// browser, and login leads back.
		SavedRequest target = this.requestCache.getRequest(request, response);
		model.addAttribute("draftKept",
				target instanceof DefaultSavedRequest saved && FILING_FORM.equals(saved.getServletPath()));
		waitSeconds(locked).ifPresent(seconds -> {
			if (seconds < 60) {
				model.addAttribute("throttledSeconds", seconds);
			}
			else {
				model.addAttribute("throttledMinutes", (seconds + 59) / 60);
			}
		});
		return "users/login";
	}

	private static Optional<Long> waitSeconds(String locked) {
		if (locked == null || !locked.matches("[0-9]{1,6}")) {
			return Optional.empty();
		}
		long seconds = Long.parseLong(locked);
		return (seconds > 0) ? Optional.of(seconds) : Optional.empty();
	}

	/** The root leads each role to its home. */
	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user) {
		return "redirect:" + user.role().home();
	}

}
