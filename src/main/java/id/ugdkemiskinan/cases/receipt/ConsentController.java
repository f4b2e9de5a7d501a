package id.ugdkemiskinan.cases.receipt;

import id.ugdkemiskinan.cases.intake.FieldProblem;
import id.ugdkemiskinan.cases.intake.InvalidCaseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import id.ugdkemiskinan.users.CurrentUser;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's consent on the case page: the UPT records it after filing, the UPT or
 * the secretariat withdraws it. Back to the case page with what happened, or why not (the
 * typed text kept), as the workflow's actions.
 */
@Controller
class ConsentController {

	private final ResidentConsents consents;

	private final MessageSource messages;

	ConsentController(ResidentConsents consents, MessageSource messages) {
		this.consents = consents;
		this.messages = messages;
	}

	@PostMapping("/kasus/{ticket}/persetujuan")
	String recordConsent(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String agreed, Locale locale, RedirectAttributes redirect) {
		return act(redirect, locale, ticket, "consent-record", phone, "consent.recorded",
				() -> this.consents.record(ticket, phone, "true".equals(agreed), user));
	}

	@PostMapping("/kasus/{ticket}/persetujuan/cabut")
	String withdrawConsent(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@RequestParam(required = false) @Nullable String reason, Locale locale, RedirectAttributes redirect) {
		return act(redirect, locale, ticket, "consent-withdraw", reason, "consent.withdrawn",
				() -> this.consents.withdraw(ticket, reason, user));
	}

	private String act(RedirectAttributes redirect, Locale locale, String ticket, String form, @Nullable String typed,
			String successKey, Supplier<String> action) {
		try {
			String found = action.get();
			redirect.addFlashAttribute("flashSuccess", successKey);
			return "redirect:/kasus/" + found + "#consent";
		}
		catch (InvalidCaseException ex) {
			FieldProblem problem = ex.problems().get(0);
			Map<String, String> kept = new HashMap<>();
			if (typed != null) {
				kept.put(form, typed);
			}
			redirect.addFlashAttribute("actionError",
					this.messages.getMessage(problem.messageKey(), problem.args(), locale));
			redirect.addFlashAttribute("actionForm", form);
			redirect.addFlashAttribute("typed", kept);
			return "redirect:/kasus/" + ticket + "#" + form;
		}
	}

}
