package id.ugdkemiskinan.users.login;

import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.account.PasswordChangeForm;
import id.ugdkemiskinan.users.account.UserAccountException;
import id.ugdkemiskinan.users.account.UserAdministration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every user changes their own password here; a user with a temporary password is sent
 * here first.
 */
@Controller
public class PasswordChangeController {

	public static final String PATH = "/akun/kata-sandi";

	private static final String VIEW = "users/password-change";

	private final UserAdministration administration;

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	PasswordChangeController(UserAdministration administration) {
		this.administration = administration;
	}

	@GetMapping(PATH)
	String showPasswordForm(Model model) {
		model.addAttribute("form", PasswordChangeForm.empty());
		return VIEW;
	}

	@PostMapping(PATH)
	String changePassword(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("form") PasswordChangeForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.administration.changeOwnPassword(user.id(), form, request.getSession().getId());
			}
			catch (UserAccountException ex) {
				result.rejectValue(ex.field(), ex.messageKey());
			}
		}
		if (result.hasErrors()) {
			return VIEW;
		}
		// A new id for the session that changed the password; its other sessions have
		// ended.
		request.changeSessionId();
		CurrentUser updated = user.withPasswordChanged();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
		redirect.addFlashAttribute("flashSuccess", "password.changed");
		return "redirect:" + updated.role().home();
	}

}
