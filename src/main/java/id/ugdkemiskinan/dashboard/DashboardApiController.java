package id.ugdkemiskinan.dashboard;

import java.util.Locale;

import id.ugdkemiskinan.common.Problems;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/dashboard}: the dashboard's figures as JSON, with the page's filters
 * and scope rules.
 */
@RestController
class DashboardApiController {

	private final DashboardQueries queries;

	private final DashboardFilters filters;

	private final Problems problems;

	private final DashboardProperties properties;

	private final HoldFigures holds;

	DashboardApiController(DashboardQueries queries, DashboardFilters filters, Problems problems,
			DashboardProperties properties, HoldFigures holds) {
		this.holds = holds;
		this.properties = properties;
		this.queries = queries;
		this.filters = filters;
		this.problems = problems;
	}

	/** One refused field of a problem detail, as the rest of the API reports them. */
	record FieldErrorJson(String field, String message) {
	}

	@GetMapping("/api/v1/dashboard")
	DashboardJson dashboard(@AuthenticationPrincipal CurrentUser user, @ModelAttribute DashboardInput input) {
		DashboardFilter filter = this.filters.resolve(user, input);
		return DashboardJson.of(this.queries.figures(filter),
				this.queries.satisfaction(filter, this.properties.satisfactionMinAnswers()), this.holds.of(filter));
	}

	/**
	 * A refused period or filter: RFC 9457 problem detail, 400, with {@code errors:
	 * [{field, message}]}.
	 */
	@ExceptionHandler(InvalidDashboardFilterException.class)
	ProblemDetail refused(InvalidDashboardFilterException ex) {
		ProblemDetail problem = this.problems.of(HttpStatus.BAD_REQUEST, "dashboard.invalid");
		problem.setProperty("errors",
				ex.problems()
					.stream()
					.map(p -> new FieldErrorJson(p.field(), this.problems.message(p.messageKey(), p.args())))
					.toList());
		return problem;
	}

}
