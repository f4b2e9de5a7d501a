package id.ugdkemiskinan.dashboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dashboard}: the dashboard's figures as JSON, with the page's scope rules. */
@RestController
class DashboardApiController {

	private final DashboardQueries queries;

	private final DashboardController pages;

	DashboardApiController(DashboardQueries queries, DashboardController pages) {
		this.queries = queries;
		this.pages = pages;
	}


	@GetMapping("/api/v1/dashboard")
	Map<String, Object> dashboard(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String kecamatan, @RequestParam(required = false) String dinas,
			@RequestParam(required = false) String category) {
		DashboardFigures f = this.queries.figures(this.pages.filter(user, null, from, to, kecamatan, dinas, category));
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
