package id.ugdkemiskinan.cases.web;

import id.ugdkemiskinan.cases.domain.AssignmentStatus;
import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.cases.query.CaseViews;
import id.ugdkemiskinan.cases.query.HoldQueries;
import id.ugdkemiskinan.cases.query.HistoryFilter;
import id.ugdkemiskinan.cases.query.QueueFilter;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.sla.SlaState;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The lists of assignments: the dinas queue, the secretariat's triage queue, and the
 * dinas's history.
 */
@Controller
public class QueueController {

	public static final int QUEUE_SIZE = 50;

	static final int HISTORY_SIZE = 25;

	private final CaseQueries queries;

	private final Agencies agencies;

	private final Regions regions;

	private final HoldQueries holds;

	QueueController(CaseQueries queries, Agencies agencies, Regions regions, HoldQueries holds) {
		this.holds = holds;
		this.queries = queries;
		this.agencies = agencies;
		this.regions = regions;
	}

	@GetMapping("/antrian")
	String showDinasQueue(@AuthenticationPrincipal CurrentUser user, @ModelAttribute QueueParams params,
			HttpServletRequest request, Model model) {
		return queue(user.dinasCode(), "queue.title", "/antrian", params, request, model);
	}

	@GetMapping("/triase")
	String showTriageQueue(@ModelAttribute QueueParams params, HttpServletRequest request, Model model) {
		return queue(this.agencies.secretariat().code(), "triage.title", "/triase", params, request, model);
	}

	private String queue(String dinas, String titleKey, String path, QueueParams params, HttpServletRequest request,
			Model model) {
		QueueFilter filter = params.filter();
		Paging paging = params.paging(QUEUE_SIZE);
		CaseViews.QueuePage result = this.queries.queue(dinas, filter, paging.page(), paging.size());
		model.addAttribute("rows", result.rows());
		model.addAttribute("holds",
				this.holds.ofAssignments(result.rows().stream().map(CaseViews.QueueRow::assignmentId).toList()));
		model.addAttribute("pager", Pager.of(request, paging, result.rows().size(), result.counted()));
		model.addAttribute("filter", filter);
		model.addAttribute("titleKey", titleKey);
		model.addAttribute("path", path);
		model.addAttribute("states", List.of(SlaState.BREACHED, SlaState.AT_RISK, SlaState.ON_TRACK, SlaState.MET));
		model.addAttribute("kecamatanList", this.regions.kecamatan());
		model.addAttribute("categoryNames", categoryNames());
		return "cases/queue";
	}

	/**
	 * The dinas's own history: all its assignments, open, in progress, resolved, returned
	 * or cancelled; searchable.
	 */
	@GetMapping("/antrian/riwayat")
	String showDinasHistory(@AuthenticationPrincipal CurrentUser user, @ModelAttribute HistoryParams params,
			HttpServletRequest request, Model model) {
		HistoryFilter filter = params.filter();
		Paging paging = params.paging(HISTORY_SIZE);
		CaseViews.HistoryPage result = this.queries.history(user.dinasCode(), filter, paging.page(), paging.size());
		model.addAttribute("rows", result.rows());
		model.addAttribute("pager", Pager.of(request, paging, result.rows().size(), result.counted()));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", AssignmentStatus.values());
		model.addAttribute("kecamatanList", this.regions.kecamatan());
		model.addAttribute("categoryNames", categoryNames());
		return "cases/history";
	}

	private Map<String, String> categoryNames() {
		return this.agencies.categoryNames();
	}

}
