package id.ugdkemiskinan.dashboard;

import java.util.Locale;

import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dashboard}: the dashboard's figures as JSON, with the page's filters and scope rules. */
@RestController
class DashboardApiController {

	private static final Locale INDONESIAN = Locale.forLanguageTag("id");

	private final DashboardQueries queries;

	private final DashboardFilters filters;

	private final MessageSource messages;

	DashboardApiController(DashboardQueries queries, DashboardFilters filters, MessageSource messages) {
		this.queries = queries;
		this.filters = filters;
		this.messages = messages;
	}

	/** One refused field of a problem detail, as the rest of the API reports them. */
	record FieldErrorJson(String field, String message) {
	}

	@GetMapping("/api/v1/dashboard")
	DashboardJson dashboard(@AuthenticationPrincipal CurrentUser user, @ModelAttribute DashboardInput input) {
		return DashboardJson.of(this.queries.figures(this.filters.resolve(user, input)));
	}

	/** A refused period or filter: RFC 9457 problem detail, 400, with {@code errors: [{field, message}]}. */
	@ExceptionHandler(InvalidDashboardFilterException.class)
	ProblemDetail refused(InvalidDashboardFilterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("dashboard.invalid", null, INDONESIAN));
		problem.setProperty("errors", ex.problems()
			.stream()
			.map(p -> new FieldErrorJson(p.field(), this.messages.getMessage(p.messageKey(), p.args(), INDONESIAN)))
			.toList());
		return problem;
	}

}
