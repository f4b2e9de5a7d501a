package id.ugdkemiskinan.cases.api;

import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.cases.query.QueueFilter;
import id.ugdkemiskinan.cases.web.QueueController;
import id.ugdkemiskinan.cases.workflow.CaseWorkflow;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.cases.api.CaseJson.CaseResponse;
import id.ugdkemiskinan.cases.api.CaseJson.NoteRequest;
import id.ugdkemiskinan.cases.api.CaseJson.QueueItemJson;
import id.ugdkemiskinan.cases.api.CaseJson.QueueJson;
import id.ugdkemiskinan.cases.api.CaseJson.ReasonRequest;
import id.ugdkemiskinan.cases.api.CaseJson.RejectionRequest;
import id.ugdkemiskinan.cases.api.CaseJson.ReopenRequest;
import id.ugdkemiskinan.cases.api.CaseJson.ResolutionRequest;
import id.ugdkemiskinan.cases.api.CaseJson.RouteRequest;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/** The workflow API: the same actions, rules and scopes as the case page. */
@RestController
class WorkflowApiController {

	private final CaseWorkflow workflow;

	private final CaseQueries queries;

	private final CaseJsonMapper json;

	private final Agencies agencies;

	WorkflowApiController(CaseWorkflow workflow, CaseQueries queries, CaseJsonMapper json, Agencies agencies) {
		this.workflow = workflow;
		this.queries = queries;
		this.json = json;
		this.agencies = agencies;
	}

	/**
	 * The caller's queue: their dinas's open assignments, or the secretariat's triage.
	 */
	@GetMapping("/api/v1/assignments")
	QueueJson queue(@AuthenticationPrincipal CurrentUser user, @ModelAttribute QueueApiParams params) {
		String dinas = user.role() == Role.SEKRETARIAT ? this.agencies.secretariat().code() : user.dinasCode();
		QueueFilter filter = params.filter();
		Paging paging = params.paging(QueueController.QUEUE_SIZE, CaseApiController.MAX_SIZE);
		return this.json.queue(this.queries.queue(dinas, filter, paging.page(), paging.size()), dinas, paging);
	}

	@PostMapping("/api/v1/assignments/{id}/response")
	QueueItemJson respond(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody NoteRequest body) {
		return assignment(this.workflow.respond(id, body.version(), body.note(), user), id, user);
	}

	@PostMapping("/api/v1/assignments/{id}/progress")
	QueueItemJson recordProgress(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody NoteRequest body) {
		return assignment(this.workflow.recordProgress(id, body.version(), body.note(), user), id, user);
	}

	@PostMapping("/api/v1/assignments/{id}/resolution")
	QueueItemJson resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody ResolutionRequest body) {
		return assignment(this.workflow.resolve(id, body.version(), body.intervention(), body.note(), user), id, user);
	}

	@PostMapping("/api/v1/assignments/{id}/return")
	QueueItemJson returnToSecretariat(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody ReasonRequest body) {
		return assignment(this.workflow.returnToSecretariat(id, body.version(), body.reason(), user), id, user);
	}

	@PostMapping("/api/v1/assignments/{id}/cancellation")
	QueueItemJson cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody ReasonRequest body) {
		return assignment(this.workflow.cancel(id, body.version(), body.reason(), user), id, user);
	}

	@PostMapping("/api/v1/cases/{ticket}/assignments")
	CaseResponse route(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@RequestBody RouteRequest body) {
		return kase(this.workflow.route(ticket, body.dinasCodes(), body.note(), user), user);
	}

	@PostMapping("/api/v1/cases/{ticket}/rejection")
	CaseResponse reject(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@RequestBody RejectionRequest body) {
		return kase(this.workflow.reject(ticket, body.version(), body.reason(), body.duplicateOf(), user), user);
	}

	@PostMapping("/api/v1/cases/{ticket}/closure")
	CaseResponse close(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@RequestBody NoteRequest body) {
		return kase(this.workflow.close(ticket, body.version(), body.note(), user), user);
	}

	@PostMapping("/api/v1/cases/{ticket}/reopening")
	CaseResponse reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@RequestBody ReopenRequest body) {
		return kase(this.workflow.reopen(ticket, body.version(), body.reason(), body.categories(), user), user);
	}

	private QueueItemJson assignment(String ticket, long assignmentId, CurrentUser user) {
		return this.json.assignment(ticket, assignmentId, user);
	}

	private CaseResponse kase(String ticket, CurrentUser user) {
		return this.json.kase(ticket, user);
	}

}
