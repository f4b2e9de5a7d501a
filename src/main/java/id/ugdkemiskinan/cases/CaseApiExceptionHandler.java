package id.ugdkemiskinan.cases;

import java.util.Locale;

import id.ugdkemiskinan.cases.CaseJson.FieldErrorJson;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The case API's refusals as problem details: 400 with field errors, 403 out of scope, 409 for the lifecycle. */
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

	private String message(String key) {
		return this.messages.getMessage(key, null, INDONESIAN);
	}

}
