package id.ugdkemiskinan.users.admin;

import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;
import id.ugdkemiskinan.users.account.AccountContacts;
import id.ugdkemiskinan.users.account.ContactForm;
import id.ugdkemiskinan.users.account.CreateUserForm;
import id.ugdkemiskinan.users.account.EditUserForm;
import id.ugdkemiskinan.users.account.UserAccountException;
import id.ugdkemiskinan.users.account.UserAdministration;
import id.ugdkemiskinan.users.account.UserRow;
import id.ugdkemiskinan.users.account.Usernames;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.common.EmailAddresses;
import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.PhoneNumbers;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.region.Regions;

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

/** The admin's user pages: list, create, contacts, disable/enable, reset password. */
@Controller
@RequestMapping("/admin/pengguna")
class AdminUserController {

	private static final String FORM_VIEW = "users/admin-user-form";

	private static final String CONTACTS_VIEW = "users/admin-user-contacts";

	private static final String EDIT_VIEW = "users/admin-user-edit";

	private final UserAdministration administration;

	private final Regions regions;

	private final Agencies agencies;

	AdminUserController(UserAdministration administration, Regions regions, Agencies agencies) {
		this.administration = administration;
		this.regions = regions;
		this.agencies = agencies;
	}

	/** Accounts on one page of the list. */
	static final int PAGE_SIZE = 50;

	@GetMapping
	String listUsers(@RequestParam(required = false) String page, HttpServletRequest request, Model model) {
		Paging paging = Paging.parse(page, PAGE_SIZE);
		List<UserRow> all = this.administration.list();
		int from = (int) Math.min(all.size(), paging.offset());
		List<UserRow> rows = all.subList(from, Math.min(all.size(), from + paging.size()));
		model.addAttribute("users", rows);
		model.addAttribute("pager", Pager.of(request, paging, rows.size(), all.size()));
		return "users/admin-users";
	}

	@GetMapping("/baru")
	String showCreateForm(Model model) {
		model.addAttribute("form", CreateUserForm.empty());
		return prepareForm(model);
	}

	@PostMapping
	String createUser(@Valid @ModelAttribute("form") CreateUserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		checkContacts(form.email(), form.phone(), result);
		if (!result.hasErrors()) {
			try {
				String temporaryPassword = this.administration.create(form);
				redirect.addFlashAttribute("flashSuccess", "user.created");
				redirect.addFlashAttribute("temporaryUsername", Usernames.normalize(form.username()));
				redirect.addFlashAttribute("temporaryPassword", temporaryPassword);
				return "redirect:/admin/pengguna";
			}
			catch (UserAccountException ex) {
				result.rejectValue(ex.field(), ex.messageKey());
			}
		}
		return prepareForm(model);
	}

	@GetMapping("/{id}/kontak")
	String showContacts(@PathVariable long id, Model model) {
		AccountContacts contacts = this.administration.contacts(id);
		model.addAttribute("account", contacts);
		model.addAttribute("form", ContactForm.of(contacts));
		return CONTACTS_VIEW;
	}

	@PostMapping("/{id}/kontak")
	String changeContacts(@PathVariable long id, @ModelAttribute("form") ContactForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		checkContacts(form.email(), form.phone(), result);
		if (!result.hasErrors()) {
			try {
				this.administration.changeContacts(id, form);
				redirect.addFlashAttribute("flashSuccess", "user.contacts.saved");
				return "redirect:/admin/pengguna";
			}
			catch (UserAccountException ex) {
				result.rejectValue(ex.field(), ex.messageKey());
			}
		}
		model.addAttribute("account", this.administration.contacts(id));
		return CONTACTS_VIEW;
	}

	@PostMapping("/{id}/nonaktifkan")
	String disableUser(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		try {
			this.administration.setEnabled(id, false, admin.id());
			redirect.addFlashAttribute("flashSuccess", "user.disabled");
		}
		catch (UserAccountException ex) {
			redirect.addFlashAttribute("flashError", ex.messageKey());
		}
		return "redirect:/admin/pengguna";
	}

	@PostMapping("/{id}/aktifkan")
	String enableUser(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		this.administration.setEnabled(id, true, admin.id());
		redirect.addFlashAttribute("flashSuccess", "user.enabled");
		return "redirect:/admin/pengguna";
	}

	@GetMapping("/{id}/ubah")
	String showEditForm(@PathVariable long id, Model model) {
		model.addAttribute("account", this.administration.contacts(id));
		model.addAttribute("form", this.administration.editForm(id));
		return prepareEditForm(model);
	}

	/** Name, role and scope; a changed role or scope ends the account's open sessions. */
	@PostMapping("/{id}/ubah")
	String editUser(@PathVariable long id, @Valid @ModelAttribute("form") EditUserForm form, BindingResult result,
			@AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		AccountContacts account = this.administration.contacts(id);
		long version = version(form.version());
		if (!result.hasFieldErrors("role") && form.parsedRole() == null) {
			result.rejectValue("role", "user.role.required");
		}
		if (!result.hasErrors()) {
			try {
				this.administration.edit(id, version, form, admin.id(), admin.username());
				redirect.addFlashAttribute("flashSuccess", "refdata.user.saved");
				return "redirect:/admin/pengguna";
			}
			catch (UserAccountException ex) {
				if (ex.field() == null) {
					result.reject(ex.messageKey());
					response.setStatus(HttpStatus.CONFLICT.value());
				}
				else {
					result.rejectValue(ex.field(), ex.messageKey());
				}
			}
		}
		model.addAttribute("account", account);
		return prepareEditForm(model);
	}

	private static long version(String version) {
		try {
			long value = Long.parseLong(version == null ? "" : version.strip());
			if (value >= 0) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// below
		}
		throw new InvalidParameterException("version", "refdata.version.invalid");
	}

	private String prepareEditForm(Model model) {
		prepareForm(model);
		return EDIT_VIEW;
	}

	@PostMapping("/{id}/buka-kunci")
	String unlockUser(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		this.administration.unlock(id, admin.id(), admin.username());
		redirect.addFlashAttribute("flashSuccess", "user.unlocked");
		return "redirect:/admin/pengguna";
	}

	@PostMapping("/{id}/reset-kata-sandi")
	String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
		String temporaryPassword = this.administration.resetPassword(id);
		redirect.addFlashAttribute("flashSuccess", "user.passwordReset");
		redirect.addFlashAttribute("temporaryUsername", this.administration.username(id));
		redirect.addFlashAttribute("temporaryPassword", temporaryPassword);
		return "redirect:/admin/pengguna";
	}

	/**
	 * Both contacts' errors at once (the administration checks them again, one by one).
	 */
	private static void checkContacts(String email, String phone, BindingResult result) {
		if (email != null && !email.isBlank() && EmailAddresses.normalize(email).isEmpty()) {
			result.rejectValue("email", "user.email.invalid");
		}
		if (phone != null && !phone.isBlank() && PhoneNumbers.normalizeMobile(phone).isEmpty()) {
			result.rejectValue("phone", "user.phone.invalid");
		}
	}

	private String prepareForm(Model model) {
		model.addAttribute("roles", Role.values());
		model.addAttribute("kecamatanList", this.regions.kecamatan());
		model.addAttribute("dinasList",
				this.agencies.dinas().stream().filter(d -> !d.secretariat() && d.active()).toList());
		return FORM_VIEW;
	}

}
