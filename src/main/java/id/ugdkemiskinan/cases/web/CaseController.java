package id.ugdkemiskinan.cases.web;

import id.ugdkemiskinan.cases.domain.CaseStatus;
import id.ugdkemiskinan.cases.domain.Priority;
import id.ugdkemiskinan.cases.intake.AttachmentInspector;
import id.ugdkemiskinan.cases.intake.Nik;
import id.ugdkemiskinan.cases.query.CaseFilter;
import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.cases.query.CaseScope;
import id.ugdkemiskinan.cases.query.CaseViews;
import id.ugdkemiskinan.cases.query.HoldQueries;
import id.ugdkemiskinan.cases.receipt.Receipts;
import id.ugdkemiskinan.cases.receipt.ResidentConsents;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.DinasRef;
import id.ugdkemiskinan.cases.query.CaseViews.AttachmentContent;
import id.ugdkemiskinan.cases.query.CaseViews.CasePage;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The case pages: the list, the case page and its attachments ({@link FilingController}
 * files).
 */
@Controller
public class CaseController {

	public static final int PAGE_SIZE = 25;

	private final CaseQueries queries;

	private final AttachmentInspector inspector;

	private final Regions regions;

	private final Agencies agencies;

	private final ResidentConsents consents;

	private final HoldQueries holds;

	public CaseController(CaseQueries queries, AttachmentInspector inspector, Regions regions, Agencies agencies,
			ResidentConsents consents, HoldQueries holds) {
		this.holds = holds;
		this.queries = queries;
		this.inspector = inspector;
		this.regions = regions;
		this.agencies = agencies;
		this.consents = consents;
	}

	/**
	 * How many of the cases waiting for the resident's confirmation the operator's home
	 * page lists.
	 */
	static final int AWAITING_SHOWN = 10;

	@GetMapping("/kasus")
	String listCases(@AuthenticationPrincipal CurrentUser user, @ModelAttribute CaseListParams params,
			HttpServletRequest request, Model model) {
		CaseFilter filter = params.filter();
		Paging paging = params.paging(PAGE_SIZE);
		CasePage result = this.queries.list(filter, CaseScope.of(user), paging.page(), paging.size());
		model.addAttribute("filter", filter);
		model.addAttribute("page", result);
		model.addAttribute("pager", Pager.of(request, paging, result.rows().size(), result.counted()));
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("dinasList", this.agencies.dinas());
		model.addAttribute("categoryNames", categoryNames());
		model.addAttribute("kecamatanList", this.regions.kecamatan());
		model.addAttribute("desaList",
				user.role() == Role.OPERATOR_UPT ? this.regions.desaIn(user.kecamatanCode()) : List.of());
		if (user.role() == Role.OPERATOR_UPT) {
			model.addAttribute("awaiting", this.queries.awaitingConfirmation(user.kecamatanCode(), AWAITING_SHOWN));
			model.addAttribute("awaitingCount", this.queries.countAwaitingConfirmation(user.kecamatanCode()));
		}
		return "cases/list";
	}

	@GetMapping("/kasus/{ticket}")
	String showCase(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket, Model model) {
		CaseViews.CaseDetails kase = this.queries.findByTicket(ticket, CaseScope.of(user))
			.orElseThrow(() -> new NotFoundException("No case " + ticket + " in scope"));
		model.addAttribute("kase", kase);
		model.addAttribute("answers", this.queries.answers(kase.id()));
		model.addAttribute("residentWait", this.queries.residentWait(kase.id()));
		// Printed, the page shows the NIK masked as in the list (on screen the full NIK,
		// as today).
		model.addAttribute("maskedNik", Nik.mask(kase.nik()));
		// Every intervention's name, deactivated ones too: what happened keeps its name.
		Map<String, String> interventionNames = this.agencies.interventionNames();
		model.addAttribute("eventNotes", kase.resolutionNotes(interventionNames));
		// The timeline names each dinas ("Diteruskan ke Dinas Kesehatan"), not its code.
		model.addAttribute("dinasNames",
				this.agencies.dinas().stream().collect(Collectors.toMap(DinasRef::code, DinasRef::name)));
		model.addAttribute("categoryNames", categoryNames());
		model.addAttribute("categoryList", this.agencies.categories());
		model.addAttribute("secretariatCode", this.agencies.secretariat().code());
		model.addAttribute("interventions", this.agencies.interventions());
		model.addAttribute("interventionNames", interventionNames);
		model.addAttribute("routableDinas",
				this.agencies.dinas().stream().filter(d -> d.active() && !d.secretariat()).toList());
		// The receipt (with the access code) only for the operators of the case's
		// kecamatan; the consent to updates for every viewer.
		model.addAttribute("mayIssueReceipt", Receipts.mayIssue(user, kase.kecamatanCode()));
		model.addAttribute("consent", this.consents.of(kase.id()).orElse(null));
		// Which assignment is on hold, since when, why, until when (the hold limit).
		model.addAttribute("holds", this.holds.ofCase(kase.id()));
		return "cases/detail";
	}

	@GetMapping("/kasus/{ticket}/lampiran/{id}")
	ResponseEntity<byte[]> downloadAttachment(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@PathVariable long id) {
		AttachmentContent file = this.queries.attachment(ticket, id, CaseScope.of(user))
			.orElseThrow(() -> new NotFoundException("No attachment " + id + " of " + ticket + " in scope"));
		AttachmentInspector.Served served = this.inspector.served(file.filename(), file.content());
		ContentDisposition disposition = (served.inline() ? ContentDisposition.inline()
				: ContentDisposition.attachment())
			.filename(served.filename())
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(served.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	private Map<String, String> categoryNames() {
		return this.agencies.categoryNames();
	}

}
