package id.ugdkemiskinan.cases.web;

import java.util.Locale;
import java.util.Map;

import id.ugdkemiskinan.cases.intake.FieldProblem;
import id.ugdkemiskinan.cases.intake.InvalidCaseException;
import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.cases.query.CaseScope;
import id.ugdkemiskinan.cases.workflow.AssignmentHolds;
import id.ugdkemiskinan.cases.workflow.IllegalTransitionException;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Holding and resuming an assignment on the case page ("Tahan (menunggu dokumen/warga)",
 * "Lanjutkan"), as the other actions of {@link WorkflowController}: post, then back to
 * the case with what happened, or why it could not (the reason typed kept).
 */
@Controller
class HoldController {

	private final AssignmentHolds holds;

	private final CaseQueries queries;

	private final MessageSource messages;

	HoldController(AssignmentHolds holds, CaseQueries queries, MessageSource messages) {
		this.holds = holds;
		this.queries = queries;
		this.messages = messages;
	}

	@PostMapping("/penugasan/{id}/tahan")
	String hold(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		String form = "hold-" + id;
		try {
			String ticket = this.holds.hold(id, version, reason, user);
			redirect.addFlashAttribute("flashSuccess", "hold.held");
			return "redirect:/kasus/" + ticket;
		}
		catch (InvalidCaseException ex) {
			FieldProblem problem = ex.problems().get(0);
			fail(redirect, form, reason, this.messages.getMessage(problem.messageKey(), problem.args(), locale));
		}
		catch (IllegalTransitionException ex) {
			fail(redirect, form, reason, this.messages.getMessage(ex.messageKey(), null, locale));
		}
		return "redirect:/kasus/" + ticket(id, user) + "#" + form;
	}

	@PostMapping("/penugasan/{id}/lanjutkan")
	String resume(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long version, Locale locale, RedirectAttributes redirect) {
		try {
			String ticket = this.holds.resume(id, version, user);
			redirect.addFlashAttribute("flashSuccess", "hold.resumed");
			return "redirect:/kasus/" + ticket;
		}
		catch (IllegalTransitionException ex) {
			fail(redirect, "resume-" + id, null, this.messages.getMessage(ex.messageKey(), null, locale));
		}
		return "redirect:/kasus/" + ticket(id, user) + "#resume-" + id;
	}

	private static void fail(RedirectAttributes redirect, String form, String typed, String message) {
		redirect.addFlashAttribute("actionError", message);
		redirect.addFlashAttribute("actionForm", form);
		redirect.addFlashAttribute("typed", typed == null ? Map.of() : Map.of(form, typed));
	}

	private String ticket(long assignmentId, CurrentUser user) {
		return this.queries.ticketOfAssignment(assignmentId, CaseScope.of(user))
			.orElseThrow(() -> new NotFoundException("No assignment " + assignmentId));
	}

}
