package id.ugdkemiskinan.cases.api;

import java.time.Instant;

import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.cases.query.CaseScope;
import id.ugdkemiskinan.cases.query.HoldQueries;
import id.ugdkemiskinan.cases.query.HoldQueries.HoldState;
import id.ugdkemiskinan.cases.query.HoldQueries.HoldView;
import id.ugdkemiskinan.cases.workflow.AssignmentHolds;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holding and resuming an assignment through the API, with the case page's rules: 400
 * with field errors for a missing or too long reason, 409 when the assignment may not be
 * held (still waiting for its first response, closed, already held) or resumed (not
 * held), 404 for another dinas's assignment, 403 for other roles.
 */
@RestController
class HoldApiController {

	private final AssignmentHolds holds;

	private final HoldQueries queries;

	private final CaseQueries cases;

	HoldApiController(AssignmentHolds holds, HoldQueries queries, CaseQueries cases) {
		this.holds = holds;
		this.queries = queries;
		this.cases = cases;
	}

	record HoldRequest(@Nullable Long version, @Nullable String reason) {
	}

	record ResumeRequest(@Nullable Long version) {
	}

	/**
	 * The assignment's hold now: {@code held}, and its latest hold; {@code limitPassed}
	 * when the current hold's limit has passed.
	 */
	record HoldJson(String ticket, long assignmentId, boolean held, boolean limitPassed, long holds,
			long totalHeldMinutes, @Nullable String reason, @Nullable Instant startedAt, @Nullable Instant limitAt,
			@Nullable Instant endedAt, @Nullable String endReason) {
	}

	/** The assignment's hold, for anyone who may see its case (else 404). */
	@GetMapping("/api/v1/assignments/{id}/hold")
	HoldJson show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		String ticket = this.cases.ticketOfAssignment(id, CaseScope.of(user))
			.orElseThrow(() -> new NotFoundException("No assignment " + id + " in scope"));
		return json(ticket, id);
	}

	@PostMapping("/api/v1/assignments/{id}/hold")
	HoldJson hold(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody HoldRequest body) {
		return json(this.holds.hold(id, body.version(), body.reason(), user), id);
	}

	@PostMapping("/api/v1/assignments/{id}/resume")
	HoldJson resume(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) @Nullable ResumeRequest body) {
		return json(this.holds.resume(id, body == null ? null : body.version(), user), id);
	}

	private HoldJson json(String ticket, long assignmentId) {
		HoldState state = this.queries.ofAssignments(java.util.List.of(assignmentId)).get(assignmentId);
		if (state == null) {
			return new HoldJson(ticket, assignmentId, false, false, 0, 0, null, null, null, null, null);
		}
		HoldView shown = state.last();
		return new HoldJson(ticket, assignmentId, state.held(), state.limitPassed(), state.holds(),
				state.total().toMinutes(), shown == null ? null : shown.reason(),
				shown == null ? null : shown.startedAt(), shown == null ? null : shown.limitAt(),
				shown == null ? null : shown.endedAt(), shown == null ? null : shown.endReason());
	}

}
