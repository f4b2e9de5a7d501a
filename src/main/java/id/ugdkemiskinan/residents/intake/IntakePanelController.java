package id.ugdkemiskinan.residents.intake;

import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.residents.registry.AccessLog;
import id.ugdkemiskinan.residents.registry.RegistryScope;
import id.ugdkemiskinan.users.CurrentUser;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The filing form's resident panel ({@code GET /kasus/baru/warga?nik=…&kk=…}), asked by
 * htmx as the NIK (or KK) is typed. Fewer than 16 digits is typing in progress (a hint);
 * anything but digits, or more than 16, is a bad value (400 with the message).
 */
@Controller
class IntakePanelController {

	static final String PATH = "/kasus/baru/warga";

	private final IntakePanel panel;

	private final AccessLog accessLog;

	IntakePanelController(IntakePanel panel, AccessLog accessLog) {
		this.panel = panel;
		this.accessLog = accessLog;
	}

	@GetMapping(PATH)
	String panel(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "nik", required = false) String nik,
			@RequestParam(name = "kk", required = false) String kk, Model model, HttpServletResponse response) {
		String n = blankToNull(nik);
		String k = blankToNull(kk);
		String problem = problem(n, "nik");
		if (problem == null && n == null) {
			problem = problem(k, "kk");
		}
		if (problem != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("panelProblem", problem);
			return "residents/intake-panel :: panel";
		}
		boolean byNik = n != null && n.length() == 16;
		boolean byKk = n == null && k != null && k.length() == 16;
		if (!byNik && !byKk) {
			model.addAttribute("panelHint", true);
			return "residents/intake-panel :: panel";
		}
		IntakePanel.View view = this.panel.lookUp(n, (n == null) ? k : null, RegistryScope.of(user));
		if (view instanceof IntakePanel.Known known) {
			if (known.personId() != null) {
				this.accessLog.record(user.id(), AccessLog.RecordType.PERSON, known.personId(), PATH);
			}
			else {
				this.accessLog.record(user.id(), AccessLog.RecordType.HOUSEHOLD, known.householdId(), PATH);
			}
			model.addAttribute("known", known);
		}
		else if (view instanceof IntakePanel.Elsewhere elsewhere) {
			model.addAttribute("elsewhere", elsewhere);
		}
		else {
			model.addAttribute("notRegistered", view);
		}
		return "residents/intake-panel :: panel";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The message key of a value that is not (the start of) a 16-digit number. */
	private static @Nullable String problem(@Nullable String value, String field) {
		if (value == null) {
			return null;
		}
		return value.matches("[0-9]{1,16}") ? null : "registry.panel." + field + ".invalid";
	}

}
