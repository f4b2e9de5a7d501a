package id.ugdkemiskinan.config;

import id.ugdkemiskinan.common.DemoMode;
import id.ugdkemiskinan.region.Kabupaten;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout shows on every page: the kabupaten's name and the demo banner.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

	private final Kabupaten kabupaten;

	private final DemoMode demoMode;

	LayoutModelAdvice(Kabupaten kabupaten, DemoMode demoMode) {
		this.kabupaten = kabupaten;
		this.demoMode = demoMode;
	}

	@ModelAttribute("kabupaten")
	Kabupaten kabupaten() {
		return this.kabupaten;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return this.demoMode.enabled();
	}

}
