package id.ugdkemiskinan.common;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The role homes whose real pages later issues build (dinas queue, dashboard). Each
 * says plainly that it is a placeholder; access rules already apply to them.
 */
@Controller
class PlaceholderController {

	@GetMapping("/antrian")
	String dinasQueue(Model model) {
		return placeholder(model, "placeholder.queue");
	}

	@GetMapping("/dasbor")
	String dashboard(Model model) {
		return placeholder(model, "placeholder.dashboard");
	}

	private static String placeholder(Model model, String titleKey) {
		model.addAttribute("titleKey", titleKey);
		return "placeholder";
	}

}
