package id.ugdkemiskinan.agency.admin;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.InterventionAdministration;
import id.ugdkemiskinan.agency.InterventionAdministration.InterventionRow;
import id.ugdkemiskinan.agency.InterventionAdministration.ProviderKind;
import id.ugdkemiskinan.agency.ReferenceChangeRefused;
import id.ugdkemiskinan.agency.StaleReferenceException;
import id.ugdkemiskinan.common.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The admin's intervention pages: the interventions (add, rename, provider, order,
 * deactivate) and their providers (add, deactivate).
 */
@Controller
@RequestMapping("/admin/intervensi")
class AdminInterventionController {

	private static final String LIST_VIEW = "agency/admin-interventions";

	private static final String FORM_VIEW = "agency/admin-intervention-form";

	private static final String PROVIDER_VIEW = "agency/admin-provider-form";

	private final InterventionAdministration administration;

	private final Agencies agencies;

	AdminInterventionController(InterventionAdministration administration, Agencies agencies) {
		this.administration = administration;
		this.agencies = agencies;
	}

	@GetMapping
	String listInterventions(Model model) {
		model.addAttribute("interventionRows", this.administration.interventions());
		model.addAttribute("providerRows", this.administration.providers());
		return LIST_VIEW;
	}

	@GetMapping("/baru")
	String showCreateForm(Model model) {
		model.addAttribute("form", new InterventionForm("", "", "", null));
		return prepareForm(model);
	}

	@PostMapping
	String createIntervention(@ModelAttribute("form") InterventionForm form, BindingResult result,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, Model model,
			RedirectAttributes redirect) {
		String code = code(form.code(), result);
		String name = AdminForms.text(form.name(), "name", true, InterventionAdministration.NAME_MAX, result);
		if (!result.hasErrors()) {
			try {
				this.administration.createIntervention(code, name, provider(form.providerCode()), actorId, actorName);
				redirect.addFlashAttribute("flashSuccess", "refdata.intervention.created");
				return "redirect:/admin/intervensi";
			}
			catch (ReferenceChangeRefused ex) {
				result.rejectValue(ex.field(), ex.messageKey());
			}
		}
		return prepareForm(model);
	}

	@GetMapping("/{code}")
	String showEditForm(@PathVariable String code, Model model) {
		InterventionRow row = row(code);
		model.addAttribute("intervention", row);
		model.addAttribute("form",
				new InterventionForm(row.code(), row.name(), row.providerCode(), Long.toString(row.version())));
		return prepareForm(model);
	}

	@PostMapping("/{code}")
	String editIntervention(@PathVariable String code, @ModelAttribute("form") InterventionForm form,
			BindingResult result, @AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		InterventionRow row = row(code);
		long version = AdminForms.version(form.version());
		String name = AdminForms.text(form.name(), "name", true, InterventionAdministration.NAME_MAX, result);
		if (!result.hasErrors()) {
			try {
				this.administration.editIntervention(row.code(), version, name, provider(form.providerCode()), actorId,
						actorName);
				redirect.addFlashAttribute("flashSuccess", "refdata.intervention.saved");
				return "redirect:/admin/intervensi";
			}
			catch (StaleReferenceException ex) {
				result.reject("refdata.stale");
				response.setStatus(HttpStatus.CONFLICT.value());
			}
			catch (ReferenceChangeRefused ex) {
				result.rejectValue(ex.field(), ex.messageKey());
			}
		}
		model.addAttribute("intervention", this.administration.intervention(row.code()));
		return prepareForm(model);
	}

	@PostMapping("/{code}/naik")
	String moveUp(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		return change(code, version, redirect, "refdata.intervention.moved",
				(c, v) -> this.administration.moveIntervention(c, v, true, actorId, actorName));
	}

	@PostMapping("/{code}/turun")
	String moveDown(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		return change(code, version, redirect, "refdata.intervention.moved",
				(c, v) -> this.administration.moveIntervention(c, v, false, actorId, actorName));
	}

	@PostMapping("/{code}/nonaktifkan")
	String deactivateIntervention(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		return change(code, version, redirect, "refdata.intervention.deactivated",
				(c, v) -> this.administration.setInterventionActive(c, v, false, actorId, actorName));
	}

	@PostMapping("/{code}/aktifkan")
	String activateIntervention(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		return change(code, version, redirect, "refdata.intervention.activated",
				(c, v) -> this.administration.setInterventionActive(c, v, true, actorId, actorName));
	}

	@GetMapping("/penyedia/baru")
	String showProviderForm(Model model) {
		model.addAttribute("form", new ProviderForm("", "", "", "", ""));
		return prepareProviderForm(model);
	}

	@PostMapping("/penyedia")
	String createProvider(@ModelAttribute("form") ProviderForm form, BindingResult result,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, Model model,
			RedirectAttributes redirect) {
		String code = code(form.code(), result);
		ProviderKind kind = Arrays.stream(ProviderKind.values())
			.filter(k -> k.name().equals(form.kind()))
			.findFirst()
			.orElse(null);
		if (kind == null) {
			result.rejectValue("kind", "refdata.provider.kind.required");
		}
		String name = AdminForms.text(form.name(), "name", true, InterventionAdministration.PROVIDER_NAME_MAX, result);
		String programme = AdminForms.text(form.programme(), "programme", kind != null && kind != ProviderKind.DINAS,
				InterventionAdministration.PROVIDER_NAME_MAX, result);
		if (!result.hasErrors()) {
			try {
				this.administration.createProvider(code, kind, provider(form.dinasCode()), name,
						AdminForms.optional(programme), actorId, actorName);
				redirect.addFlashAttribute("flashSuccess", "refdata.provider.created");
				return "redirect:/admin/intervensi";
			}
			catch (ReferenceChangeRefused ex) {
				result.rejectValue(ex.field(), ex.messageKey());
			}
		}
		return prepareProviderForm(model);
	}

	@PostMapping("/penyedia/{code}/nonaktifkan")
	String deactivateProvider(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		checkCode(code);
		return change(code, version, redirect, "refdata.provider.deactivated",
				(c, v) -> this.administration.setProviderActive(c, v, false, actorId, actorName));
	}

	@PostMapping("/penyedia/{code}/aktifkan")
	String activateProvider(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		checkCode(code);
		return change(code, version, redirect, "refdata.provider.activated",
				(c, v) -> this.administration.setProviderActive(c, v, true, actorId, actorName));
	}

	private interface Change {

		void apply(String code, long version);

	}

	private String change(String code, @Nullable String version, RedirectAttributes redirect, String success,
			Change change) {
		checkCode(code);
		long expected = AdminForms.version(version);
		try {
			change.apply(code, expected);
			redirect.addFlashAttribute("flashSuccess", success);
		}
		catch (StaleReferenceException ex) {
			redirect.addFlashAttribute("flashError", "refdata.stale");
		}
		return "redirect:/admin/intervensi";
	}

	private static String code(@Nullable String value, BindingResult result) {
		String code = value == null ? "" : value.strip();
		if (code.isEmpty()) {
			result.rejectValue("code", "refdata.field.required");
		}
		else if (!InterventionAdministration.CODE.matcher(code).matches()) {
			result.rejectValue("code", "refdata.category.code.pattern");
		}
		return code;
	}

	private static @Nullable String provider(@Nullable String code) {
		return (code == null || code.isBlank()) ? null : code.strip();
	}

	private static void checkCode(String code) {
		if (!InterventionAdministration.CODE.matcher(code).matches()) {
			throw new NotFoundException("No such code " + code);
		}
	}

	private InterventionRow row(String code) {
		checkCode(code);
		return this.administration.intervention(code);
	}

	private String prepareForm(Model model) {
		model.addAttribute("providerRows",
				this.administration.providers()
					.stream()
					.filter(InterventionAdministration.ProviderRow::active)
					.toList());
		return FORM_VIEW;
	}

	private String prepareProviderForm(Model model) {
		model.addAttribute("kinds", ProviderKind.values());
		model.addAttribute("dinasList", this.agencies.dinas().stream().filter(d -> d.active()).toList());
		return PROVIDER_VIEW;
	}

}
