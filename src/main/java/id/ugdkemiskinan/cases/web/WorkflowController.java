package id.ugdkemiskinan.cases.web;

import id.ugdkemiskinan.cases.intake.FieldProblem;
import id.ugdkemiskinan.cases.intake.InvalidCaseException;
import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.cases.query.CaseScope;
import id.ugdkemiskinan.cases.workflow.CaseWorkflow;
import id.ugdkemiskinan.cases.workflow.IllegalTransitionException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

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
 * The actions of a case's life after filing, on the case page ({@link QueueController}
 * lists the queues). Each action posts, then redirects back to the case page with what
 * happened, or why it could not (and the text typed is kept).
 */
@Controller
public class WorkflowController {

	private final CaseWorkflow workflow;

	private final CaseQueries queries;

	private final MessageSource messages;

	public WorkflowController(CaseWorkflow workflow, CaseQueries queries, MessageSource messages) {
		this.workflow = workflow;
		this.queries = queries;
		this.messages = messages;
	}

	@PostMapping("/penugasan/{id}/respon")
	String respond(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String note, Locale locale,
			RedirectAttributes redirect) {
		return act(redirect, locale, "respond-" + id, note, "workflow.responded",
				() -> this.workflow.respond(id, version, note, user), () -> ticketOfAssignment(id, user));
	}

	@PostMapping("/penugasan/{id}/progres")
	String recordProgress(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String note, Locale locale,
			RedirectAttributes redirect) {
		return act(redirect, locale, "progress-" + id, note, "workflow.progressRecorded",
				() -> this.workflow.recordProgress(id, version, note, user), () -> ticketOfAssignment(id, user));
	}

	@PostMapping("/penugasan/{id}/selesai")
	String resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String intervention,
			@RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
		return act(redirect, locale, "resolve-" + id, note, "workflow.resolved",
				() -> this.workflow.resolve(id, version, intervention, note, user), () -> ticketOfAssignment(id, user));
	}

	@PostMapping("/penugasan/{id}/kembalikan")
	String returnToSecretariat(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		return act(redirect, locale, "return-" + id, reason, "workflow.returned",
				() -> this.workflow.returnToSecretariat(id, version, reason, user), () -> ticketOfAssignment(id, user));
	}

	@PostMapping("/penugasan/{id}/batalkan")
	String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		return act(redirect, locale, "cancel-" + id, reason, "workflow.cancelled",
				() -> this.workflow.cancel(id, version, reason, user), () -> ticketOfAssignment(id, user));
	}

	@PostMapping("/kasus/{ticket}/rute")
	String route(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@RequestParam(required = false) List<String> dinasCodes, @RequestParam(required = false) String note,
			Locale locale, RedirectAttributes redirect) {
		return act(redirect, locale, "route", note, "workflow.routed",
				() -> this.workflow.route(ticket, dinasCodes, note, user), () -> ticket);
	}

	@PostMapping("/kasus/{ticket}/tolak")
	String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String duplicateOf, Locale locale, RedirectAttributes redirect) {
		return act(redirect, locale, "reject", reason, "workflow.rejected",
				() -> this.workflow.reject(ticket, version, reason, duplicateOf, user), () -> ticket);
	}

	@PostMapping("/kasus/{ticket}/tutup")
	String close(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String note, Locale locale,
			RedirectAttributes redirect) {
		return act(redirect, locale, "close", note, "workflow.closed",
				() -> this.workflow.close(ticket, version, note, user), () -> ticket);
	}

	@PostMapping("/kasus/{ticket}/buka-kembali")
	String reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String reason,
			@RequestParam(required = false) List<String> categories, Locale locale, RedirectAttributes redirect) {
		return act(redirect, locale, "reopen", reason, "workflow.reopened",
				() -> this.workflow.reopen(ticket, version, reason, categories, user), () -> ticket);
	}

	/**
	 * Runs an action; on success back to the case with a message, on a refused change
	 * back to the case (which now shows its current state) with the reason and the typed
	 * text kept.
	 */
	private String act(RedirectAttributes redirect, Locale locale, String form, String typed, String successKey,
			Supplier<String> action, Supplier<String> ticketOnFailure) {
		try {
			String ticket = action.get();
			redirect.addFlashAttribute("flashSuccess", successKey);
			return "redirect:/kasus/" + ticket;
		}
		catch (InvalidCaseException ex) {
			FieldProblem problem = ex.problems().get(0);
			fail(redirect, form, typed, this.messages.getMessage(problem.messageKey(), problem.args(), locale));
		}
		catch (IllegalTransitionException ex) {
			fail(redirect, form, typed, this.messages.getMessage(ex.messageKey(), null, locale));
		}
		return "redirect:/kasus/" + ticketOnFailure.get() + "#" + form;
	}

	private static void fail(RedirectAttributes redirect, String form, String typed, String message) {
		Map<String, String> kept = new HashMap<>();
		if (typed != null) {
			kept.put(form, typed);
		}
		redirect.addFlashAttribute("actionError", message);
		redirect.addFlashAttribute("actionForm", form);
		redirect.addFlashAttribute("typed", kept);
	}

	private String ticketOfAssignment(long assignmentId, CurrentUser user) {
		return this.queries.ticketOfAssignment(assignmentId, CaseScope.of(user))
			.orElseThrow(() -> new NotFoundException("No assignment " + assignmentId));
	}

}
