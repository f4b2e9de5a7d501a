package id.ugdkemiskinan.cases.api;

import id.ugdkemiskinan.cases.intake.InvalidCaseException;
import id.ugdkemiskinan.cases.intake.OutOfScopeException;
import id.ugdkemiskinan.cases.intake.SubmissionKeyTooLongException;
import id.ugdkemiskinan.cases.intake.SubmissionReusedException;
import id.ugdkemiskinan.cases.workflow.IllegalTransitionException;
import java.util.Locale;

import id.ugdkemiskinan.cases.api.CaseJson.FieldErrorJson;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The case API's refusals as problem details: 400 with field errors, 403 out of scope, 409 for the
 * lifecycle, 422 for an idempotency key already used for another case.
 */
@RestControllerAdvice(assignableTypes = { CaseApiController.class, WorkflowApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseApiExceptionHandler {

	private static final Locale INDONESIAN = Locale.forLanguageTag("id");

	private final MessageSource messages;

	CaseApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidCaseException.class)
	ProblemDetail invalid(InvalidCaseException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("api.validation"));
		problem.setProperty("errors", ex.problems()
			.stream()
			.map(p -> new FieldErrorJson(CaseApiController.apiField(p.field()),
					this.messages.getMessage(p.messageKey(), p.args(), INDONESIAN)))
			.toList());
		return problem;
	}

	@ExceptionHandler(OutOfScopeException.class)
	ProblemDetail outOfScope(OutOfScopeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, message("api.outOfScope"));
	}

	@ExceptionHandler(IllegalTransitionException.class)
	ProblemDetail conflict(IllegalTransitionException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message(ex.messageKey()));
		problem.setProperty("code", ex.messageKey());
		return problem;
	}

	@ExceptionHandler(SubmissionReusedException.class)
	ProblemDetail submissionReused(SubmissionReusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				message("api.submission.reused"));
		problem.setProperty("code", "idempotency-key-reused");
		problem.setProperty("ticket", ex.ticket());
		return problem;
	}

	@ExceptionHandler(SubmissionKeyTooLongException.class)
	ProblemDetail submissionKeyTooLong(SubmissionKeyTooLongException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("api.submission.keyTooLong", new Object[] { ex.maxLength() }, INDONESIAN));
		problem.setProperty("errors", java.util.List.of(new FieldErrorJson("Idempotency-Key",
				this.messages.getMessage("api.submission.keyTooLong", new Object[] { ex.maxLength() }, INDONESIAN))));
		return problem;
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, INDONESIAN);
	}

}
