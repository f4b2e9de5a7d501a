package id.ugdkemiskinan.config;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrator's index: one entry in the navigation bar that leads to every page
 * where the kabupaten's rules are kept, so the bar stays one line wide on a laptop and
 * short on a phone.
 */
@Controller
class AdminHomeController {

	@GetMapping("/admin")
	String home() {
		return "admin/home";
	}

}
