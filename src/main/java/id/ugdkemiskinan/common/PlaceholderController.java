package id.ugdkemiskinan.common;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The role home whose real page a later issue builds (the dashboard). Each
 * says plainly that it is a placeholder; access rules already apply to them.
 */
@Controller
class PlaceholderController {

	@GetMapping("/dasbor")
	String dashboard(Model model) {
		return placeholder(model, "placeholder.dashboard");
	}

	private static String placeholder(Model model, String titleKey) {
		model.addAttribute("titleKey", titleKey);
		return "placeholder";
	}

}
