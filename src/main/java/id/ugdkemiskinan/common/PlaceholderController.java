package id.ugdkemiskinan.common;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The role homes whose real pages later issues build (case list, dinas queue, dashboard). Each
 * says plainly that it is a placeholder; access rules already apply to them.
 */
@Controller
class PlaceholderController {

	@GetMapping("/kasus")
	String caseList(Model model) {
		return placeholder(model, "placeholder.cases");
	}

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
