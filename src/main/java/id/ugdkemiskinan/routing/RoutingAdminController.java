package id.ugdkemiskinan.routing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.CategoryRef;
import id.ugdkemiskinan.agency.DinasRef;
import id.ugdkemiskinan.agency.RoutingRule;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.TextInput;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The routing rules: list, add, remove (each a line of "Riwayat perubahan"), and the
 * preview "kasus dengan kategori X di kecamatan Y akan dikirim ke ...", a GET form
 * answered by the same {@link Agencies#route(java.util.Collection, String)} as filing.
 */
@Controller
@RequestMapping("/admin/rute")
class RoutingAdminController {

	/** Longer than any code of a category (40), dinas (20) or kecamatan (8). */
	private static final int MAX_CODE = 40;

	private final Agencies agencies;

	private final Regions regions;

	private final Clock clock;

	RoutingAdminController(Agencies agencies, Regions regions, Clock clock) {
		this.agencies = agencies;
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping
	String rules(@RequestParam(name = "kategori", required = false) @Nullable String category,
			@RequestParam(name = "kecamatan", required = false) @Nullable String kecamatan, Model model,
			HttpServletResponse response) {
		Map<String, String> previewErrors = new LinkedHashMap<>();
		if (category != null || kecamatan != null) {
			Optional<CategoryRef> c = category(category, "kategori", previewErrors);
			Optional<KecamatanRef> k = kecamatan(kecamatan, "kecamatan", true, previewErrors);
			if (previewErrors.isEmpty()) {
				Set<String> targets = this.agencies.route(List.of(c.get().code()), k.get().code());
				List<DinasRef> dinas = targets.stream().map(code -> this.agencies.dinas(code).orElseThrow()).toList();
				boolean ruled = this.agencies.routingRules()
					.stream()
					.anyMatch(r -> r.dinasActive() && r.categoryCode().equals(c.get().code())
							&& (r.kecamatanCode() == null || r.kecamatanCode().equals(k.get().code())));
				model.addAttribute("preview", new Preview(c.get(), k.get(), dinas, !ruled));
			}
			else {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
			}
		}
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("kategori", category == null ? "" : category);
		typed.put("kecamatan", kecamatan == null ? "" : kecamatan);
		return page(model, Map.of(), Map.of(), previewErrors, typed);
	}

	@PostMapping
	String addRule(@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String dinas,
			@RequestParam(required = false) @Nullable String kecamatan, @AuthenticationPrincipal CurrentUser admin,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<CategoryRef> c = category(category, "category", errors);
		Optional<DinasRef> d = dinas(dinas, errors);
		Optional<KecamatanRef> k = kecamatan(kecamatan, "kecamatan", false, errors);
		if (errors.isEmpty()) {
			Optional<RoutingRule> added = this.agencies.addRoutingRule(c.get().code(), d.get().code(),
					k.map(KecamatanRef::code).orElse(null), admin.id(), admin.fullName(), this.clock.instant());
			if (added.isPresent()) {
				redirect.addFlashAttribute("flashSuccess", "routing.added");
				return "redirect:/admin/rute";
			}
			errors.put("dinas", "routing.duplicate");
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("category", category == null ? "" : category);
		typed.put("dinas", dinas == null ? "" : dinas);
		typed.put("kecamatan", kecamatan == null ? "" : kecamatan);
		return page(model, errors, typed, Map.of(), Map.of("kategori", "", "kecamatan", ""));
	}

	@PostMapping("/{id}/hapus")
	String removeRule(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		if (!this.agencies.removeRoutingRule(id, admin.id(), admin.fullName(), this.clock.instant())) {
			throw new NotFoundException("No routing rule " + id);
		}
		redirect.addFlashAttribute("flashSuccess", "routing.removed");
		return "redirect:/admin/rute";
	}

	private String page(Model model, Map<String, String> errors, Map<String, String> typed,
			Map<String, String> previewErrors, Map<String, String> previewTyped) {
		Map<String, String> kecamatanNames = new LinkedHashMap<>();
		for (KecamatanRef k : this.regions.kecamatan()) {
			kecamatanNames.put(k.code(), k.name());
		}
		model.addAttribute("rules", this.agencies.routingRules());
		model.addAttribute("categories", this.agencies.categories());
		model.addAttribute("dinasChoices", this.agencies.dinas().stream().filter(DinasRef::active).toList());
		model.addAttribute("kecamatanNames", kecamatanNames);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("previewErrors", previewErrors);
		model.addAttribute("previewTyped", previewTyped);
		return "routing/rules";
	}

	private Optional<CategoryRef> category(@Nullable String raw, String field, Map<String, String> errors) {
		Optional<String> code = code(raw, field, true, errors);
		if (code.isEmpty()) {
			return Optional.empty();
		}
		Optional<CategoryRef> found = this.agencies.categories()
			.stream()
			.filter(c -> c.code().equals(code.get()))
			.findFirst();
		if (found.isEmpty()) {
			errors.put(field, "routing.category.unknown");
		}
		return found;
	}

	private Optional<DinasRef> dinas(@Nullable String raw, Map<String, String> errors) {
		Optional<String> code = code(raw, "dinas", true, errors);
		if (code.isEmpty()) {
			return Optional.empty();
		}
		Optional<DinasRef> found = this.agencies.dinas(code.get()).filter(DinasRef::active);
		if (found.isEmpty()) {
			errors.put("dinas", "routing.dinas.unknown");
		}
		return found;
	}

	private Optional<KecamatanRef> kecamatan(@Nullable String raw, String field, boolean required,
			Map<String, String> errors) {
		Optional<String> code = code(raw, field, required, errors);
		if (code.isEmpty()) {
			return Optional.empty();
		}
		Optional<KecamatanRef> found = this.regions.kecamatan(code.get());
		if (found.isEmpty()) {
			errors.put(field, "routing.kecamatan.unknown");
		}
		return found;
	}

	/** The trimmed code, or empty with the field's message (absent, too long, NUL). */
	private static Optional<String> code(@Nullable String raw, String field, boolean required,
			Map<String, String> errors) {
		if (raw == null || raw.isBlank()) {
			if (required) {
				errors.put(field, "routing." + field + ".required");
			}
			return Optional.empty();
		}
		if (raw.length() > MAX_CODE || !TextInput.isClean(raw)) {
			errors.put(field, "routing.code.invalid");
			return Optional.empty();
		}
		return Optional.of(raw.trim());
	}

	/**
	 * The preview's answer; {@code fallback}: no rule routes the category there, so the
	 * secretariat gets it.
	 */
	record Preview(CategoryRef category, KecamatanRef kecamatan, List<DinasRef> dinas, boolean fallback) {
	}

}
