package id.ugdkemiskinan.inbox.web;

import java.io.IOException;

import id.ugdkemiskinan.common.DemoMode;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.PhoneNumbers;
import id.ugdkemiskinan.inbox.Simulation;
import id.ugdkemiskinan.region.Regions;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Simulasi WhatsApp", in demo mode only (404 otherwise): write into the inbox as a
 * resident would, so that the flow can be seen without Meta.
 */
@Controller
class SimulationController {

	static final int MAX_PHOTO = 5 * 1024 * 1024;

	private final Simulation simulation;

	private final Regions regions;

	private final DemoMode demo;

	private final Tika tika = new Tika();

	SimulationController(Simulation simulation, Regions regions, DemoMode demo) {
		this.simulation = simulation;
		this.regions = regions;
		this.demo = demo;
	}

	@GetMapping("/pesan-masuk/simulasi")
	String showSimulation(Model model) {
		demoOnly();
		return page(model, "", "", "", "");
	}

	@PostMapping("/pesan-masuk/simulasi")
	String simulate(@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable MultipartFile photo,
			@RequestParam(required = false) @Nullable String kecamatan, Model model, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		demoOnly();
		String typedPhone = (phone == null) ? "" : phone.strip();
		String typedName = (name == null) ? "" : name.strip();
		String typedText = (text == null) ? "" : text.strip();
		String code = (kecamatan == null) ? "" : kecamatan.strip();
		String number = PhoneNumbers.normalizeMobile(typedPhone).orElse(null);
		String problem = null;
		String field = null;
		byte[] content = null;
		String type = null;
		if (photo != null && !photo.isEmpty()) {
			content = photo.getBytes();
			type = this.tika.detect(content);
			if (content.length > MAX_PHOTO) {
				field = "photo";
				problem = "inbox.sim.photoTooLarge";
			}
			else if (!"image/jpeg".equals(type) && !"image/png".equals(type)) {
				field = "photo";
				problem = "inbox.sim.photoType";
			}
		}
		if (number == null) {
			field = "phone";
			problem = typedPhone.isEmpty() ? "inbox.sim.phoneRequired" : "inbox.sim.phoneInvalid";
		}
		else if (typedName.length() > 100) {
			field = "name";
			problem = "inbox.sim.nameTooLong";
		}
		else if (typedText.length() > 4000 || (typedText.isEmpty() && content == null)) {
			field = "text";
			problem = typedText.isEmpty() ? "inbox.sim.textRequired" : "inbox.sim.textTooLong";
		}
		else if (!code.isEmpty() && this.regions.kecamatan(code).isEmpty()) {
			field = "kecamatan";
			problem = "inbox.sim.kecamatanUnknown";
		}
		if (problem != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problemField", field);
			model.addAttribute("problem", problem);
			return page(model, typedPhone, typedName, typedText, code);
		}
		long conversation = this.simulation.send(number, typedName.isEmpty() ? null : typedName,
				typedText.isEmpty() ? null : typedText, content, type, code.isEmpty() ? null : code);
		redirect.addFlashAttribute("flashSuccess", "inbox.sim.sent");
		redirect.addFlashAttribute("simulatedConversation", conversation);
		return "redirect:/pesan-masuk/simulasi";
	}

	private String page(Model model, String phone, String name, String text, String kecamatan) {
		model.addAttribute("phone", phone);
		model.addAttribute("name", name);
		model.addAttribute("text", text);
		model.addAttribute("kecamatan", kecamatan);
		model.addAttribute("kecamatanList", this.regions.kecamatan());
		return "inbox/simulation";
	}

	private void demoOnly() {
		if (!this.demo.enabled()) {
			throw new NotFoundException("simulation is for demo mode");
		}
	}

}
