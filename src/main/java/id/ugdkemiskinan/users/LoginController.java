package id.ugdkemiskinan.users;

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

@Controller
class LoginController {

	private static final String FILING_FORM = "/kasus/baru";

	private final DemoAccounts demoAccounts;

	LoginController(DemoAccounts demoAccounts) {
		this.demoAccounts = demoAccounts;
	}

	private final RequestCache requestCache = new HttpSessionRequestCache();

	@GetMapping("/login")
	String showLoginForm(@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (user != null) {
			return "redirect:" + user.role().home();
		}
		model.addAttribute("demoAccounts", this.demoAccounts.accounts());
		// The session ended while the filing form was open: its draft is kept in the browser, and login leads back.
		SavedRequest target = this.requestCache.getRequest(request, response);
		model.addAttribute("draftKept", target instanceof DefaultSavedRequest saved
				&& FILING_FORM.equals(saved.getServletPath()));
		return "users/login";
	}

	/** The root leads each role to its home. */
	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user) {
		return "redirect:" + user.role().home();
	}

}
