package id.ugdkemiskinan.cases.api;

import id.ugdkemiskinan.cases.intake.InvalidCaseException;
import id.ugdkemiskinan.cases.intake.OutOfScopeException;
import id.ugdkemiskinan.cases.intake.SubmissionKeyTooLongException;
import id.ugdkemiskinan.cases.intake.SubmissionReusedException;
import id.ugdkemiskinan.cases.workflow.IllegalTransitionException;

import id.ugdkemiskinan.cases.api.CaseJson.FieldErrorJson;
import id.ugdkemiskinan.common.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The case API's refusals as problem details: 400 with field errors, 403 out of scope,
 * 409 for the lifecycle, 422 for an idempotency key already used for another case.
 */
@RestControllerAdvice(
		assignableTypes = { CaseApiController.class, WorkflowApiController.class, HoldApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseApiExceptionHandler {

	private final Problems problems;

	CaseApiExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(InvalidCaseException.class)
	ProblemDetail invalid(InvalidCaseException ex) {
		ProblemDetail problem = this.problems.of(HttpStatus.BAD_REQUEST, "api.validation");
		problem.setProperty("errors",
				ex.problems()
					.stream()
					.map(p -> new FieldErrorJson(CaseApiController.apiField(p.field()),
							this.problems.message(p.messageKey(), p.args())))
					.toList());
		return problem;
	}

	@ExceptionHandler(OutOfScopeException.class)
	ProblemDetail outOfScope(OutOfScopeException ex) {
		return this.problems.of(HttpStatus.FORBIDDEN, "api.outOfScope");
	}

	@ExceptionHandler(IllegalTransitionException.class)
	ProblemDetail conflict(IllegalTransitionException ex) {
		ProblemDetail problem = this.problems.of(HttpStatus.CONFLICT, ex.messageKey());
		problem.setProperty("code", ex.messageKey());
		return problem;
	}

	@ExceptionHandler(SubmissionReusedException.class)
	ProblemDetail submissionReused(SubmissionReusedException ex) {
		ProblemDetail problem = this.problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "api.submission.reused");
		problem.setProperty("code", "idempotency-key-reused");
		problem.setProperty("ticket", ex.ticket());
		return problem;
	}

	@ExceptionHandler(SubmissionKeyTooLongException.class)
	ProblemDetail submissionKeyTooLong(SubmissionKeyTooLongException ex) {
		ProblemDetail problem = this.problems.of(HttpStatus.BAD_REQUEST, "api.submission.keyTooLong", ex.maxLength());
		problem.setProperty("errors", java.util.List.of(new FieldErrorJson("Idempotency-Key",
				this.problems.message("api.submission.keyTooLong", ex.maxLength()))));
		return problem;
	}

}
