package id.ugdkemiskinan.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.common.Problems;
import id.ugdkemiskinan.users.CurrentUser;

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

	private final DashboardQueries queries;

	private final DashboardFilters filters;

	private final Problems problems;

	DashboardApiController(DashboardQueries queries, DashboardFilters filters, Problems problems) {
		this.queries = queries;
		this.filters = filters;
		this.problems = problems;
	}

	/** One refused field of a problem detail, as the rest of the API reports them. */
	record FieldErrorJson(String field, String message) {
	}

	@GetMapping("/api/v1/dashboard")
	Map<String, Object> dashboard(@AuthenticationPrincipal CurrentUser user, @ModelAttribute DashboardInput input) {
		DashboardFigures f = this.queries.figures(this.filters.resolve(user, input));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("from", f.from());
		json.put("to", f.to());
		json.put("filed", f.filed());
		json.put("open", f.open());
		json.put("resolved", f.resolved());
		json.put("closed", f.closed());
		json.put("onTime", f.onTime());
		json.put("late", f.late());
		json.put("overdueOpen", f.overdueOpen());
		json.put("pending", f.pending());
		json.put("compliance", f.compliance());
		json.put("responseMinutesMedian", f.responseMinutesMedian());
		json.put("responseMinutesP90", f.responseMinutesP90());
		json.put("breachedNow", f.breachedNow());
		json.put("atRiskNow", f.atRiskNow());
		json.put("byDinas", groups(f.byDinas(), "dinasCode"));
		json.put("byKecamatan", groups(f.byKecamatan(), "kecamatanCode"));
		json.put("byCategory", groups(f.byCategory(), "category"));
		json.put("daily", f.daily());
		return json;
	}

	/** A refused period or filter: RFC 9457 problem detail, 400, with {@code errors: [{field, message}]}. */
	@ExceptionHandler(InvalidDashboardFilterException.class)
	ProblemDetail refused(InvalidDashboardFilterException ex) {
		ProblemDetail problem = this.problems.of(HttpStatus.BAD_REQUEST, "dashboard.invalid");
		problem.setProperty("errors", ex.problems()
			.stream()
			.map(p -> new FieldErrorJson(p.field(), this.problems.message(p.messageKey(), p.args())))
			.toList());
		return problem;
	}

	private static List<Map<String, Object>> groups(List<DashboardFigures.Group> groups, String key) {
		return groups.stream().map(g -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put(key, g.code());
			m.put("onTime", g.onTime());
			m.put("late", g.late());
			m.put("overdueOpen", g.overdueOpen());
			m.put("pending", g.pending());
			m.put("compliance", g.compliance());
			m.put("responseMinutesMedian", g.responseMinutesMedian());
			return m;
		}).toList();
	}

}
