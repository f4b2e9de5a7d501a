package id.ugdkemiskinan.sla.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.CategoryRef;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's SLA page: the response time, at-risk share and calendar of each priority
 * (with category overrides), and the calendars' open hours and holidays (added by hand or
 * imported from an iCalendar file). A refused form comes back with field messages.
 */
@Controller
@RequestMapping("/admin/sla")
class SlaAdminController {

	static final List<String> PRIORITIES = List.of("DARURAT", "TINGGI", "NORMAL");

	/** Thirty days: the longest response time a policy may give. */
	static final int MAX_MINUTES = 43_200;

	private final SlaSettings settings;

	private final Agencies agencies;

	private final Clock clock;

	SlaAdminController(SlaSettings settings, Agencies agencies, Clock clock) {
		this.settings = settings;
		this.agencies = agencies;
		this.clock = clock;
	}

	@GetMapping
	String page(Model model) {
		return page(model, "", Map.of(), Map.of());
	}

	@PostMapping("/kebijakan/{id}")
	String updatePolicy(@PathVariable long id, @RequestParam(required = false) @Nullable String responseMinutes,
			@RequestParam(required = false) @Nullable String atRiskPercent,
			@RequestParam(required = false) @Nullable String calendarId, @AuthenticationPrincipal CurrentUser admin,
			Model model, RedirectAttributes redirect) {
		SlaSettings.Policy before = this.settings.policy(id)
			.orElseThrow(() -> new NotFoundException("No SLA policy " + id));
		Map<String, String> errors = new LinkedHashMap<>();
		Integer minutes = number(responseMinutes, 1, MAX_MINUTES, "responseMinutes", "policy.minutes", errors);
		Integer percent = number(atRiskPercent, 1, 99, "atRiskPercent", "policy.percent", errors);
		Long calendar = calendar(calendarId, errors);
		if (!errors.isEmpty()) {
			return page(model, "policy-" + id, errors, typed("responseMinutes", responseMinutes, "atRiskPercent",
					atRiskPercent, "calendarId", calendarId));
		}
		this.settings.updatePolicy(before, minutes, percent, calendar, admin, now());
		redirect.addFlashAttribute("flashSuccess", "policy.saved");
		return "redirect:/admin/sla";
	}

	@PostMapping("/kebijakan")
	String addOverride(@RequestParam(required = false) @Nullable String priority,
			@RequestParam(required = false) @Nullable String categoryCode,
			@RequestParam(required = false) @Nullable String responseMinutes,
			@RequestParam(required = false) @Nullable String atRiskPercent,
			@RequestParam(required = false) @Nullable String calendarId, @AuthenticationPrincipal CurrentUser admin,
			Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (priority == null || !PRIORITIES.contains(priority)) {
			errors.put("priority", "policy.priority.unknown");
		}
		Set<String> categories = this.agencies.categories().stream().map(CategoryRef::code).collect(Collectors.toSet());
		if (categoryCode == null || !categories.contains(categoryCode)) {
			errors.put("categoryCode", "policy.category.unknown");
		}
		Integer minutes = number(responseMinutes, 1, MAX_MINUTES, "responseMinutes", "policy.minutes", errors);
		Integer percent = number(atRiskPercent, 1, 99, "atRiskPercent", "policy.percent", errors);
		Long calendar = calendar(calendarId, errors);
		if (errors.isEmpty()
				&& !this.settings.addOverride(priority, categoryCode, minutes, percent, calendar, admin, now())) {
			errors.put("categoryCode", "policy.override.exists");
		}
		if (!errors.isEmpty()) {
			return page(model, "override", errors, typed("priority", priority, "categoryCode", categoryCode,
					"responseMinutes", responseMinutes, "atRiskPercent", atRiskPercent, "calendarId", calendarId));
		}
		redirect.addFlashAttribute("flashSuccess", "policy.override.added");
		return "redirect:/admin/sla";
	}

	@PostMapping("/kebijakan/{id}/hapus")
	String deleteOverride(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		SlaSettings.Policy before = this.settings.policy(id)
			.filter(p -> p.categoryCode() != null)
			.orElseThrow(() -> new NotFoundException("No SLA override " + id));
		this.settings.deleteOverride(before, admin, now());
		redirect.addFlashAttribute("flashSuccess", "policy.override.deleted");
		return "redirect:/admin/sla";
	}

	@PostMapping("/kalender/{id}/jam")
	String saveHours(@PathVariable long id, @RequestParam Map<String, String> params,
			@AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
		SlaSettings.Calendar before = workingHoursCalendar(id);
		Map<String, String> errors = new LinkedHashMap<>();
		Map<Integer, SlaSettings.Hours> hours = new LinkedHashMap<>();
		for (int day = 1; day <= 7; day++) {
			String opens = params.get("opens" + day);
			String closes = params.get("closes" + day);
			boolean noOpen = opens == null || opens.isBlank();
			boolean noClose = closes == null || closes.isBlank();
			if (noOpen && noClose) {
				continue;
			}
			LocalTime o = time(opens, "opens" + day, errors);
			LocalTime c = time(closes, "closes" + day, errors);
			if (o != null && c != null) {
				if (!o.isBefore(c)) {
					errors.put("closes" + day, "calendar.hours.endBeforeStart");
				}
				else {
					hours.put(day, new SlaSettings.Hours(o, c));
				}
			}
		}
		if (errors.isEmpty() && hours.isEmpty()) {
			errors.put("opens1", "calendar.hours.none");
		}
		if (!errors.isEmpty()) {
			Map<String, String> typed = new HashMap<>();
			for (int day = 1; day <= 7; day++) {
				typed.put("opens" + day, clean(params.get("opens" + day)));
				typed.put("closes" + day, clean(params.get("closes" + day)));
			}
			return page(model, "hours-" + id, errors, typed);
		}
		this.settings.saveHours(before, hours, admin, now());
		redirect.addFlashAttribute("flashSuccess", "calendar.hours.saved");
		return "redirect:/admin/sla#calendar-" + id;
	}

	@PostMapping("/kalender/{id}/libur")
	String addHoliday(@PathVariable long id, @RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String name, @AuthenticationPrincipal CurrentUser admin,
			Model model, RedirectAttributes redirect) {
		workingHoursCalendar(id);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = date(date, errors);
		String label = (name == null) ? "" : name.strip();
		if (label.isEmpty()) {
			errors.put("name", "calendar.holiday.name.required");
		}
		else if (label.length() > 200) {
			errors.put("name", "calendar.holiday.name.tooLong");
		}
		else if (label.indexOf('\0') >= 0) {
			errors.put("name", "calendar.holiday.name.invalid");
		}
		if (!errors.isEmpty()) {
			return page(model, "holiday-" + id, errors, typed("date", date, "name", name));
		}
		int added = this.settings.addHolidays(id, List.of(new SlaSettings.Holiday(day, label)), admin, now());
		redirect.addFlashAttribute("flashSuccess", added == 1 ? "calendar.holiday.added" : "calendar.holiday.exists");
		return "redirect:/admin/sla#calendar-" + id;
	}

	@PostMapping("/kalender/{id}/libur/{date}/hapus")
	String removeHoliday(@PathVariable long id, @PathVariable String date, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		workingHoursCalendar(id);
		LocalDate day = date(date, new HashMap<>());
		if (day == null || !this.settings.removeHoliday(id, day, admin, now())) {
			throw new NotFoundException("No holiday " + date);
		}
		redirect.addFlashAttribute("flashSuccess", "calendar.holiday.removed");
		return "redirect:/admin/sla#calendar-" + id;
	}

	@PostMapping("/kalender/{id}/libur/impor")
	String importHolidays(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) throws IOException {
		workingHoursCalendar(id);
		String problem;
		if (file == null || file.isEmpty()) {
			problem = "calendar.ics.empty";
		}
		else if (file.getSize() > IcsHolidays.MAX_BYTES) {
			problem = "calendar.ics.tooLarge";
		}
		else {
			try {
				List<SlaSettings.Holiday> holidays = IcsHolidays.parse(file.getBytes())
					.stream()
					.map(h -> new SlaSettings.Holiday(h.date(), h.name().isEmpty() ? "–" : h.name()))
					.toList();
				int added = this.settings.addHolidays(id, holidays, admin, now());
				redirect.addFlashAttribute("flashSuccess", "calendar.ics.imported");
				redirect.addFlashAttribute("importedCount", added);
				return "redirect:/admin/sla#calendar-" + id;
			}
			catch (IcsHolidays.InvalidIcsException ex) {
				problem = ex.messageKey();
			}
		}
		return page(model, "import-" + id, Map.of("file", problem), Map.of());
	}

	private SlaSettings.Calendar workingHoursCalendar(long id) {
		return this.settings.calendar(id)
			.filter(c -> !c.alwaysOpen())
			.orElseThrow(() -> new NotFoundException("No working-hours calendar " + id));
	}

	private String page(Model model, String form, Map<String, String> errors, Map<String, String> typed) {
		List<SlaSettings.Calendar> calendars = this.settings.calendars();
		model.addAttribute("policies", this.settings.policies());
		model.addAttribute("calendars", calendars);
		model.addAttribute("calendarNames",
				calendars.stream().collect(Collectors.toMap(SlaSettings.Calendar::id, SlaSettings.Calendar::name)));
		model.addAttribute("categories", this.agencies.categories());
		model.addAttribute("categoryNames",
				this.agencies.categories().stream().collect(Collectors.toMap(CategoryRef::code, CategoryRef::name)));
		model.addAttribute("priorities", PRIORITIES);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		return "sla/admin-sla";
	}

	private Instant now() {
		return this.clock.instant();
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

	private @Nullable Long calendar(@Nullable String value, Map<String, String> errors) {
		String v = clean(value);
		if (v.matches("\\d{1,12}")) {
			long id = Long.parseLong(v);
			if (this.settings.calendar(id).isPresent()) {
				return id;
			}
		}
		errors.put("calendarId", "policy.calendar.unknown");
		return null;
	}

	private static @Nullable LocalTime time(@Nullable String value, String field, Map<String, String> errors) {
		String v = clean(value);
		if (v.isEmpty()) {
			errors.put(field, "calendar.hours.required");
			return null;
		}
		if (!v.matches("\\d{2}[:.]\\d{2}")) {
			errors.put(field, "calendar.hours.invalid");
			return null;
		}
		try {
			return LocalTime.parse(v.replace('.', ':'));
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "calendar.hours.invalid");
			return null;
		}
	}

	private static @Nullable LocalDate date(@Nullable String value, Map<String, String> errors) {
		String v = clean(value);
		if (v.isEmpty()) {
			errors.put("date", "calendar.holiday.date.required");
			return null;
		}
		try {
			if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) {
				throw new DateTimeParseException("bad", v, 0);
			}
			LocalDate d = LocalDate.parse(v);
			if (d.getYear() < 2000 || d.getYear() > 2100) {
				errors.put("date", "calendar.holiday.date.range");
				return null;
			}
			return d;
		}
		catch (DateTimeParseException ex) {
			errors.put("date", "calendar.holiday.date.invalid");
			return null;
		}
	}

	private static String clean(@Nullable String value) {
		return (value == null) ? "" : value.strip();
	}

	private static Map<String, String> typed(@Nullable String... keysAndValues) {
		Map<String, String> typed = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			String v = keysAndValues[i + 1];
			typed.put(keysAndValues[i], (v == null) ? "" : (v.length() > 300 ? v.substring(0, 300) : v));
		}
		return typed;
	}

}
