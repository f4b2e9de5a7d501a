package id.ugdkemiskinan.agency.admin;

import org.jspecify.annotations.Nullable;

import id.ugdkemiskinan.agency.CategoryAdministration;
import id.ugdkemiskinan.agency.CategoryAdministration.CategoryRow;
import id.ugdkemiskinan.agency.CategoryAdministration.CategoryText;
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
 * The admin's category pages: the list in the filing form's order (up/down buttons, plain
 * forms), add, edit (name, description, guidance, up to three extra questions),
 * deactivate and activate.
 */
@Controller
@RequestMapping("/admin/kategori")
class AdminCategoryController {

	private static final String LIST_VIEW = "agency/admin-categories";

	private static final String FORM_VIEW = "agency/admin-category-form";

	private final CategoryAdministration administration;

	AdminCategoryController(CategoryAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	String listCategories(Model model) {
		model.addAttribute("categoryRows", this.administration.list());
		return LIST_VIEW;
	}

	@GetMapping("/baru")
	String showCreateForm(Model model) {
		model.addAttribute("form", CategoryForm.empty());
		return FORM_VIEW;
	}

	@PostMapping
	String createCategory(@ModelAttribute("form") CategoryForm form, BindingResult result,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		String code = form.code() == null ? "" : form.code().strip();
		if (code.isEmpty()) {
			result.rejectValue("code", "refdata.field.required");
		}
		else if (!CategoryAdministration.CODE.matcher(code).matches()) {
			result.rejectValue("code", "refdata.category.code.pattern");
		}
		CategoryText text = text(form, result);
		if (!result.hasErrors()) {
			try {
				this.administration.create(code, text, actorId, actorName);
				redirect.addFlashAttribute("flashSuccess", "refdata.category.created");
				return "redirect:/admin/kategori";
			}
			catch (ReferenceChangeRefused ex) {
				result.rejectValue(ex.field(), ex.messageKey());
			}
		}
		return FORM_VIEW;
	}

	@GetMapping("/{code}")
	String showEditForm(@PathVariable String code, Model model) {
		CategoryRow row = row(code);
		model.addAttribute("category", row);
		model.addAttribute("form", CategoryForm.of(row));
		return FORM_VIEW;
	}

	@PostMapping("/{code}")
	String editCategory(@PathVariable String code, @ModelAttribute("form") CategoryForm form, BindingResult result,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CategoryRow row = row(code);
		long version = AdminForms.version(form.version());
		CategoryText text = text(form, result);
		if (!result.hasErrors()) {
			try {
				this.administration.edit(row.code(), version, text, actorId, actorName);
				redirect.addFlashAttribute("flashSuccess", "refdata.category.saved");
				return "redirect:/admin/kategori";
			}
			catch (StaleReferenceException ex) {
				result.reject("refdata.stale");
				response.setStatus(HttpStatus.CONFLICT.value());
			}
		}
		model.addAttribute("category", this.administration.get(row.code()));
		return FORM_VIEW;
	}

	@PostMapping("/{code}/naik")
	String moveUp(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		return change(code, version, redirect, "refdata.category.moved",
				(c, v) -> this.administration.move(c, v, true, actorId, actorName));
	}

	@PostMapping("/{code}/turun")
	String moveDown(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		return change(code, version, redirect, "refdata.category.moved",
				(c, v) -> this.administration.move(c, v, false, actorId, actorName));
	}

	@PostMapping("/{code}/nonaktifkan")
	String deactivateCategory(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		return change(code, version, redirect, "refdata.category.deactivated",
				(c, v) -> this.administration.setActive(c, v, false, actorId, actorName));
	}

	@PostMapping("/{code}/aktifkan")
	String activateCategory(@PathVariable String code, @RequestParam(required = false) String version,
			@AuthenticationPrincipal(expression = "id()") @Nullable Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect) {
		return change(code, version, redirect, "refdata.category.activated",
				(c, v) -> this.administration.setActive(c, v, true, actorId, actorName));
	}

	private interface Change {

		void apply(String code, long version);

	}

	private String change(String code, @Nullable String version, RedirectAttributes redirect, String success,
			Change change) {
		CategoryRow row = row(code);
		long expected = AdminForms.version(version);
		try {
			change.apply(row.code(), expected);
			redirect.addFlashAttribute("flashSuccess", success);
		}
		catch (StaleReferenceException ex) {
			redirect.addFlashAttribute("flashError", "refdata.stale");
		}
		return "redirect:/admin/kategori";
	}

	private static CategoryText text(CategoryForm form, BindingResult result) {
		String name = AdminForms.text(form.name(), "name", true, CategoryAdministration.NAME_MAX, result);
		String description = AdminForms.text(form.description(), "description", true,
				CategoryAdministration.DESCRIPTION_MAX, result);
		String guidance = AdminForms.text(form.guidance(), "guidance", false, CategoryAdministration.GUIDANCE_MAX,
				result);
		String q1 = AdminForms.text(form.question1(), "question1", false, CategoryAdministration.QUESTION_MAX, result);
		String q2 = AdminForms.text(form.question2(), "question2", false, CategoryAdministration.QUESTION_MAX, result);
		String q3 = AdminForms.text(form.question3(), "question3", false, CategoryAdministration.QUESTION_MAX, result);
		return new CategoryText(name, description, AdminForms.optional(guidance), AdminForms.optional(q1),
				AdminForms.optional(q2), AdminForms.optional(q3));
	}

	private CategoryRow row(String code) {
		if (!CategoryAdministration.CODE.matcher(code).matches()) {
			throw new NotFoundException("No category " + code);
		}
		return this.administration.get(code);
	}

}
