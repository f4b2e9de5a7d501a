package id.ugdkemiskinan.agency.admin;

import org.jspecify.annotations.Nullable;

import id.ugdkemiskinan.agency.DinasAdministration;
import id.ugdkemiskinan.agency.ReferenceChangeRefused;
import id.ugdkemiskinan.agency.DinasAdministration.DinasRow;
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
 * The admin's dinas pages: the list, add, rename, deactivate/activate and which dinas is
 * the secretariat. The acting admin is read from the principal by name (the users module
 * depends on this one, not the other way round).
 */
@Controller
@RequestMapping("/admin/dinas")
class AdminDinasController {

	private static final String LIST_VIEW = "agency/admin-dinas";

	private static final String FORM_VIEW = "agency/admin-dinas-form";

	private final DinasAdministration administration;

	AdminDinasController(DinasAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	String listDinas(Model model) {
		model.addAttribute("dinasRows", this.administration.list());
		return LIST_VIEW;
	}

	@GetMapping("/baru")
	String showCreateForm(Model model) {
		model.addAttribute("form", DinasForm.empty());
		return FORM_VIEW;
	}

	@PostMapping
	String createDinas(@ModelAttribute("form") DinasForm form, BindingResult result,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		String code = form.trimmedCode();
		if (code.isEmpty()) {
			result.rejectValue("code", "refdata.dinas.code.required");
		}
		else if (!DinasAdministration.CODE.matcher(code).matches()) {
			result.rejectValue("code", "refdata.dinas.code.pattern");
		}
		String name = checkName(form, result);
		if (!result.hasErrors()) {
			try {
				this.administration.create(code, name, actorId, actorName);
				redirect.addFlashAttribute("flashSuccess", "refdata.dinas.created");
				return "redirect:/admin/dinas";
			}
			catch (ReferenceChangeRefused ex) {
				result.rejectValue(ex.field(), ex.messageKey());
			}
		}
		return FORM_VIEW;
	}

	@GetMapping("/{code}")
	String showEditForm(@PathVariable String code, Model model) {
		DinasRow row = row(code);
		model.addAttribute("dinas", row);
		model.addAttribute("form", new DinasForm(row.code(), row.name(), Long.toString(row.version())));
		return FORM_VIEW;
	}

	@PostMapping("/{code}")
	String renameDinas(@PathVariable String code, @ModelAttribute("form") DinasForm form, BindingResult result,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		DinasRow row = row(code);
		long version = AdminForms.version(form.version());
		String name = checkName(form, result);
		if (!result.hasErrors()) {
			try {
				this.administration.rename(row.code(), version, name, actorId, actorName);
				redirect.addFlashAttribute("flashSuccess", "refdata.dinas.saved");
				return "redirect:/admin/dinas";
			}
			catch (StaleReferenceException ex) {
				result.reject("refdata.stale");
				response.setStatus(HttpStatus.CONFLICT.value());
			}
		}
		model.addAttribute("dinas", this.administration.get(row.code()));
		return FORM_VIEW;
	}

	@PostMapping("/{code}/nonaktifkan")
	String deactivateDinas(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		return change(code, version, redirect, "refdata.dinas.deactivated",
				(c, v) -> this.administration.setActive(c, v, false, actorId, actorName));
	}

	@PostMapping("/{code}/aktifkan")
	String activateDinas(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		return change(code, version, redirect, "refdata.dinas.activated",
				(c, v) -> this.administration.setActive(c, v, true, actorId, actorName));
	}

	@PostMapping("/{code}/sekretariat")
	String makeSecretariat(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		return change(code, version, redirect, "refdata.dinas.secretariatMoved",
				(c, v) -> this.administration.makeSecretariat(c, v, actorId, actorName));
	}

	private interface Change {

		void apply(String code, long version);

	}

	private String change(String code, @Nullable String version, RedirectAttributes redirect, String success,
			Change change) {
		DinasRow row = row(code);
		long expected = AdminForms.version(version);
		try {
			change.apply(row.code(), expected);
			redirect.addFlashAttribute("flashSuccess", success);
			return "redirect:/admin/dinas";
		}
		catch (StaleReferenceException ex) {
			redirect.addFlashAttribute("flashError", "refdata.stale");
		}
		catch (ReferenceChangeRefused ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
		}
		redirect.addAttribute("code", row.code());
		return "redirect:/admin/dinas/{code}";
	}

	private String checkName(DinasForm form, BindingResult result) {
		String name = form.trimmedName();
		if (name.isEmpty()) {
			result.rejectValue("name", "refdata.dinas.name.required");
		}
		else if (name.length() > DinasAdministration.NAME_MAX) {
			result.rejectValue("name", "refdata.dinas.name.tooLong", new Object[] { DinasAdministration.NAME_MAX },
					null);
		}
		return name;
	}

	/**
	 * The dinas of the path, 404 for a code that is not one (or not even well formed).
	 */
	private DinasRow row(String code) {
		if (!DinasAdministration.CODE.matcher(code).matches()) {
			throw new NotFoundException("No dinas " + code);
		}
		return this.administration.get(code);
	}

}
