package id.ugdkemiskinan.users;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final DemoAccounts demoAccounts;

	LoginController(DemoAccounts demoAccounts) {
		this.demoAccounts = demoAccounts;
	}

	@GetMapping("/login")
	String showLoginForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (user != null) {
			return "redirect:" + user.role().home();
		}
		model.addAttribute("demoAccounts", this.demoAccounts.accounts());
		return "users/login";
	}

	/** The root leads each role to its home. */
	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user) {
		return "redirect:" + user.role().home();
	}

}
