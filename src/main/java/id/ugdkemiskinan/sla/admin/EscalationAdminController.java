package id.ugdkemiskinan.sla.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's escalation chain ({@code /admin/sla/eskalasi}): the levels after a breach,
 * each with its minutes after the due time, its at-risk share and its recipients (roles
 * or named accounts of the secretariat and the leadership). A refused form comes back
 * with field messages; a level changed by someone else meanwhile is refused too.
 */
@Controller
@RequestMapping("/admin/sla/eskalasi")
class EscalationAdminController {

	/** Levels of the chain at most (as the table allows). */
	static final int MAX_LEVELS = 20;

	private final EscalationSettings settings;

	private final Clock clock;

	EscalationAdminController(EscalationSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping
	String page(Model model) {
		return page(model, "", Map.of(), Map.of(), List.of(), List.of());
	}

	@PostMapping
	String addLevel(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String afterMinutes,
			@RequestParam(required = false) @Nullable String atRiskPercent,
			@RequestParam(required = false) @Nullable List<String> roles,
			@RequestParam(required = false) @Nullable List<String> userIds, @AuthenticationPrincipal CurrentUser admin,
			Model model, RedirectAttributes redirect) {
		List<EscalationSettings.Level> levels = this.settings.levels();
		Map<String, String> errors = new LinkedHashMap<>();
		EscalationSettings.Values values = values(name, afterMinutes, atRiskPercent, roles, userIds, errors);
		if (levels.size() >= MAX_LEVELS) {
			errors.put("name", "escalation.level.tooMany");
		}
		Integer after = errors.containsKey("afterMinutes") ? null : Integer.valueOf(clean(afterMinutes));
		if (after != null && !levels.isEmpty() && after <= levels.get(levels.size() - 1).afterMinutes()) {
			errors.put("afterMinutes", "escalation.after.order");
		}
		if (!errors.isEmpty() || values == null) {
			return page(model, "add", errors, typed(name, afterMinutes, atRiskPercent), clean(roles), clean(userIds));
		}
		EscalationSettings.Level added = this.settings.add(values, admin, this.clock.instant());
		redirect.addFlashAttribute("flashSuccess", "escalation.added");
		return "redirect:/admin/sla/eskalasi#level-" + added.level();
	}

	@PostMapping("/{level}")
	String updateLevel(@PathVariable String level, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String afterMinutes,
			@RequestParam(required = false) @Nullable String atRiskPercent,
			@RequestParam(required = false) @Nullable List<String> roles,
			@RequestParam(required = false) @Nullable List<String> userIds,
			@RequestParam(required = false) @Nullable String version, @AuthenticationPrincipal CurrentUser admin,
			Model model, RedirectAttributes redirect) {
		EscalationSettings.Level before = level(level);
		List<EscalationSettings.Level> levels = this.settings.levels();
		Map<String, String> errors = new LinkedHashMap<>();
		EscalationSettings.Values values = values(name, afterMinutes, atRiskPercent, roles, userIds, errors);
		Integer after = errors.containsKey("afterMinutes") ? null : Integer.valueOf(clean(afterMinutes));
		if (after != null) {
			for (EscalationSettings.Level other : levels) {
				boolean earlier = other.level() < before.level();
				boolean later = other.level() > before.level();
				if (earlier && other.afterMinutes() >= after || later && other.afterMinutes() <= after) {
					errors.put("afterMinutes", "escalation.after.order");
				}
			}
		}
		Long expected = version(version);
		if (errors.isEmpty() && values != null
				&& (expected == null || !this.settings.update(before, expected, values, admin, this.clock.instant()))) {
			errors.put("version", "escalation.stale");
		}
		if (!errors.isEmpty() || values == null) {
			return page(model, "level-" + before.level(), errors, typed(name, afterMinutes, atRiskPercent),
					clean(roles), clean(userIds));
		}
		redirect.addFlashAttribute("flashSuccess", "escalation.saved");
		return "redirect:/admin/sla/eskalasi#level-" + before.level();
	}

	@PostMapping("/{level}/nonaktifkan")
	String deactivateLevel(@PathVariable String level, @RequestParam(required = false) @Nullable String version,
			@AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		return setActive(level, version, false, admin, redirect);
	}

	@PostMapping("/{level}/aktifkan")
	String activateLevel(@PathVariable String level, @RequestParam(required = false) @Nullable String version,
			@AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		return setActive(level, version, true, admin, redirect);
	}

	private String setActive(String level, @Nullable String version, boolean active, CurrentUser admin,
			RedirectAttributes redirect) {
		EscalationSettings.Level before = level(level);
		Long expected = version(version);
		if (expected == null || !this.settings.setActive(before, expected, active, admin, this.clock.instant())) {
			redirect.addFlashAttribute("flashError", "escalation.stale");
		}
		else {
			redirect.addFlashAttribute("flashSuccess", active ? "escalation.activated" : "escalation.deactivated");
		}
		return "redirect:/admin/sla/eskalasi#level-" + before.level();
	}

	private String page(Model model, String form, Map<String, String> errors, Map<String, String> typed,
			List<String> typedRoles, List<String> typedUsers) {
		List<EscalationSettings.Account> accounts = this.settings.accounts();
		model.addAttribute("levels", this.settings.levels());
		model.addAttribute("accounts", accounts);
		model.addAttribute("accountNames", accounts.stream()
			.collect(Collectors.toMap(EscalationSettings.Account::id, EscalationSettings.Account::fullName)));
		model.addAttribute("roles", EscalationSettings.ROLES);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("typedRoles", typedRoles);
		model.addAttribute("typedUsers", typedUsers);
		model.addAttribute("none", List.of());
		return "sla/admin-escalation";
	}

	private EscalationSettings.Level level(String level) {
		String v = clean(level);
		if (v.matches("\\d{1,2}")) {
			return this.settings.level(Integer.parseInt(v))
				.orElseThrow(() -> new NotFoundException("No escalation level " + v));
		}
		throw new NotFoundException("No escalation level " + v);
	}

	private EscalationSettings.@Nullable Values values(@Nullable String name, @Nullable String afterMinutes,
			@Nullable String atRiskPercent, @Nullable List<String> roles, @Nullable List<String> userIds,
			Map<String, String> errors) {
		String label = clean(name);
		if (label.isEmpty()) {
			errors.put("name", "escalation.name.required");
		}
		else if (label.length() > 80) {
			errors.put("name", "escalation.name.tooLong");
		}
		else if (label.chars().anyMatch(Character::isISOControl)) {
			errors.put("name", "escalation.name.invalid");
		}
		Integer after = number(afterMinutes, 0, SlaAdminController.MAX_MINUTES, "afterMinutes", "escalation.after",
				errors);
		Integer percent = number(atRiskPercent, 1, 99, "atRiskPercent", "escalation.percent", errors);
		Set<String> chosenRoles = new LinkedHashSet<>();
		for (String role : clean(roles)) {
			if (!EscalationSettings.ROLES.contains(role)) {
				errors.put("roles", "escalation.recipients.unknownRole");
			}
			else {
				chosenRoles.add(role);
			}
		}
		Set<Long> eligible = this.settings.accounts()
			.stream()
			.map(EscalationSettings.Account::id)
			.collect(Collectors.toSet());
		Set<Long> chosenUsers = new LinkedHashSet<>();
		for (String user : clean(userIds)) {
			Long id = user.matches("\\d{1,12}") ? Long.valueOf(user) : null;
			if (id == null || !eligible.contains(id)) {
				errors.put("userIds", "escalation.recipients.unknownUser");
			}
			else {
				chosenUsers.add(id);
			}
		}
		if (chosenRoles.isEmpty() && chosenUsers.isEmpty() && !errors.containsKey("roles")
				&& !errors.containsKey("userIds")) {
			errors.put("roles", "escalation.recipients.required");
		}
		if (!errors.isEmpty() || after == null || percent == null) {
			return null;
		}
		return new EscalationSettings.Values(label, after, percent, List.copyOf(chosenRoles), List.copyOf(chosenUsers));
	}

	private static @Nullable Long version(@Nullable String version) {
		String v = clean(version);
		return v.matches("\\d{1,18}") ? Long.valueOf(v) : null;
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
		return (value == null) ? "" : value.strip();
	}

	private static List<String> clean(@Nullable List<String> values) {
		List<String> cleaned = new ArrayList<>();
		if (values != null) {
			for (String v : values) {
				String c = clean(v);
				if (!c.isEmpty()) {
					cleaned.add(c.length() > 40 ? c.substring(0, 40) : c);
				}
			}
		}
		return cleaned;
	}

	private static Map<String, String> typed(@Nullable String name, @Nullable String afterMinutes,
			@Nullable String atRiskPercent) {
		Map<String, String> typed = new HashMap<>();
		typed.put("name", cut(name));
		typed.put("afterMinutes", cut(afterMinutes));
		typed.put("atRiskPercent", cut(atRiskPercent));
		return typed;
	}

	private static String cut(@Nullable String v) {
		String s = (v == null) ? "" : v.replace("\0", "");
		return s.length() > 300 ? s.substring(0, 300) : s;
	}

}
