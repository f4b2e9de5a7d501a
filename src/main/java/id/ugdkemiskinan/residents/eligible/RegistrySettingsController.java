package id.ugdkemiskinan.residents.eligible;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's page of the registry's settings ({@code /admin/registri}): the months after
 * which a household counts as "belum pernah dibantu", and the desil and months of "layak
 * belum dibantu". The form carries the version it was shown with: a save over someone
 * else's change answers 409 with the current values. Audited in "Riwayat perubahan".
 */
@Controller
class RegistrySettingsController {

	static final String PATH = "/admin/registri";

	private final RegistrySettings settings;

	private final Clock clock;

	RegistrySettingsController(RegistrySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String showSettings(Model model) {
		RegistrySettings.Settings current = this.settings.current();
		return page(model, current, typed(current), Map.of());
	}

	@PostMapping(PATH)
	String saveSettings(@RequestParam(required = false) @Nullable String neverHelpedMonths,
			@RequestParam(required = false) @Nullable String eligibleMaxDesil,
			@RequestParam(required = false) @Nullable String eligibleMonths,
			@RequestParam(required = false) @Nullable String version, @AuthenticationPrincipal CurrentUser admin,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer never = number(neverHelpedMonths, RegistrySettings.MIN_MONTHS, RegistrySettings.MAX_MONTHS,
				"neverHelpedMonths", "elig.settings.months", errors);
		Integer desil = number(eligibleMaxDesil, RegistrySettings.MIN_DESIL, RegistrySettings.MAX_DESIL,
				"eligibleMaxDesil", "elig.settings.desil", errors);
		Integer months = number(eligibleMonths, RegistrySettings.MIN_MONTHS, RegistrySettings.MAX_MONTHS,
				"eligibleMonths", "elig.settings.months", errors);
		String v = clean(version);
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("neverHelpedMonths", shown(neverHelpedMonths));
		typed.put("eligibleMaxDesil", shown(eligibleMaxDesil));
		typed.put("eligibleMonths", shown(eligibleMonths));
		RegistrySettings.Settings current = this.settings.current();
		if (!v.matches("\\d{1,18}")) {
			errors.put("version", "elig.settings.version");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, current, typed, errors);
		}
		if (!this.settings.update(Long.parseLong(v), never, desil, months, admin, this.clock.instant())) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(model, current, typed(current), Map.of("version", "elig.settings.stale"));
		}
		redirect.addFlashAttribute("flashSuccess", "elig.settings.saved");
		return "redirect:" + PATH;
	}

	private static String page(Model model, RegistrySettings.Settings current, Map<String, String> typed,
			Map<String, String> errors) {
		model.addAttribute("settings", current);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		return "residents/registry-settings";
	}

	private static Map<String, String> typed(RegistrySettings.Settings current) {
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("neverHelpedMonths", String.valueOf(current.neverHelpedMonths()));
		typed.put("eligibleMaxDesil", String.valueOf(current.eligibleMaxDesil()));
		typed.put("eligibleMonths", String.valueOf(current.eligibleMonths()));
		return typed;
	}

	private static @Nullable Integer number(@Nullable String value, int min, int max, String field, String key,
			Map<String, String> errors) {
		String v = clean(value);
		if (v.isEmpty()) {
			errors.put(field, key + ".required");
			return null;
		}
		if (v.length() > 9 || !v.matches("-?\\d+")) {
			errors.put(field, key + ".invalid");
			return null;
		}
		int n = Integer.parseInt(v);
		if (n < min || n > max) {
			errors.put(field, key + ".range");
			return null;
		}
		return n;
	}

	private static String clean(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	private static String shown(@Nullable String value) {
		String v = clean(value);
		return v.length() > 20 ? v.substring(0, 20) : v;
	}

}
