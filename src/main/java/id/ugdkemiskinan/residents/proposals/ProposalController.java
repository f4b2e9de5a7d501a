package id.ugdkemiskinan.residents.proposals;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.common.Formats;
import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.common.TextInput;
import id.ugdkemiskinan.region.DesaRef;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.residents.proposals.ProposalQueries.Filter;
import id.ugdkemiskinan.residents.proposals.ProposalQueries.ProposalStatus;
import id.ugdkemiskinan.residents.registry.AccessLog;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data correction proposals ({@code /registri/usulan}): the list in the user's scope
 * (waiting first, with the verval's due time and "terlambat"), the decision (DITERIMA or
 * DITOLAK with a note, once), and the BNBA export of a desa's pending proposals. Every
 * view and export is written to the registry's access log.
 */
@Controller
class ProposalController {

	static final int PAGE_SIZE = 25;

	static final int NOTE_MAX = 500;

	private final ProposalQueries queries;

	private final DataProposals proposals;

	private final Regions regions;

	private final AccessLog accessLog;

	private final MessageSource messages;

	private final Formats formats;

	private final Clock clock;

	private final String vervalDinas;

	ProposalController(ProposalQueries queries, DataProposals proposals, Regions regions, AccessLog accessLog,
			MessageSource messages, Formats formats, Clock clock,
			@Value("${ugd.registry.verval-dinas:DINSOS}") String vervalDinas) {
		this.queries = queries;
		this.proposals = proposals;
		this.regions = regions;
		this.accessLog = accessLog;
		this.messages = messages;
		this.formats = formats;
		this.clock = clock;
		this.vervalDinas = vervalDinas;
	}

	@GetMapping("/registri/usulan")
	String listProposals(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String kecamatan, @RequestParam(required = false) String desa,
			@RequestParam(required = false) String status, @RequestParam(required = false) String page,
			HttpServletRequest request, Model model) {
		ProposalScope scope = scope(user);
		Filter filter = new Filter(kind(kind), kecamatan(kecamatan), desa(desa),
				Paging.option("status", status, ProposalStatus.class));
		Paging paging = Paging.parse(page, PAGE_SIZE);
		ProposalQueries.Page result = this.queries.page(scope, filter, paging);
		this.accessLog.record(user.id(), AccessLog.RecordType.HOUSEHOLD, null, request.getRequestURI());
		model.addAttribute("filter", filter);
		model.addAttribute("page", result);
		model.addAttribute("pager", Pager.of(request, paging, result.rows().size(), result.counted()));
		Instant now = this.clock.instant();
		model.addAttribute("now", now);
		model.addAttribute("overdue", this.queries.overdue(scope, now));
		model.addAttribute("kinds", DataProposals.KINDS);
		model.addAttribute("statuses", ProposalStatus.values());
		model.addAttribute("mayDecide", scope.mayDecide());
		model.addAttribute("noteMax", NOTE_MAX);
		boolean operator = user.role() == Role.OPERATOR_UPT;
		model.addAttribute("operator", operator);
		model.addAttribute("kecamatanList", operator ? List.of() : this.regions.kecamatan());
		String desaKecamatan = operator ? user.kecamatanCode() : filter.kecamatan();
		model.addAttribute("desaList", desaKecamatan == null ? List.of() : this.regions.desaIn(desaKecamatan));
		return "residents/proposals";
	}

	@PostMapping("/registri/usulan/{id}/putuskan")
	String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		ProposalScope scope = scope(user);
		if (!this.queries.visible(scope, id)) {
			throw new NotFoundException("No proposal " + id + " in scope");
		}
		if (!scope.mayDecide()) {
			throw new AccessDeniedException("Only the secretariat and the verval dinas decide");
		}
		String back = "redirect:/registri/usulan#usulan-" + id;
		String text = note == null ? "" : note.strip();
		if (!"DITERIMA".equals(decision) && !"DITOLAK".equals(decision)) {
			redirect.addFlashAttribute("actionError", message("usul.decision.required"));
			return back;
		}
		if (text.length() > NOTE_MAX || !TextInput.isClean(text)) {
			redirect.addFlashAttribute("actionError", message("usul.note.tooLong", NOTE_MAX));
			redirect.addFlashAttribute("typedNote", text.length() > NOTE_MAX ? text.substring(0, NOTE_MAX) : text);
			return back;
		}
		DataProposals.Decided done = this.proposals.decide(id, "DITERIMA".equals(decision),
				text.isEmpty() ? null : text, user.id());
		if (done == DataProposals.Decided.ALREADY) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Proposal " + id + " was already decided");
		}
		redirect.addFlashAttribute("flashSuccess",
				"DITERIMA".equals(decision) ? "usul.decided.accepted" : "usul.decided.rejected");
		return back;
	}

	@GetMapping("/registri/usulan/bnba.xlsx")
	void exportBnba(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String desa,
			@RequestParam(required = false) String kind, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ProposalScope scope = scope(user);
		String desaCode = desa(desa);
		if (desaCode == null) {
			throw new InvalidParameterException("desa", "usul.param.desaRequired");
		}
		String kindCode = kind(kind);
		DesaRef place = this.regions.desa(desaCode).orElseThrow();
		if (user.role() == Role.OPERATOR_UPT && !place.kecamatanCode().equals(user.kecamatanCode())) {
			throw new NotFoundException("Desa " + desaCode + " outside the operator's kecamatan");
		}
		Instant now = this.clock.instant();
		this.accessLog.record(user.id(), AccessLog.RecordType.EXPORT, null,
				request.getRequestURI() + "?desa=" + desaCode + (kindCode == null ? "" : "&kind=" + kindCode));
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"bnba-usulan-" + desaCode + ".xlsx\"");
		response.setHeader("Cache-Control", "no-store");
		try (BnbaWorkbook workbook = new BnbaWorkbook(this::message, this.formats, now)) {
			this.queries.pending(scope, desaCode, kindCode, now, workbook::add);
			workbook.write(response.getOutputStream());
		}
	}

	private ProposalScope scope(CurrentUser user) {
		ProposalScope scope = ProposalScope.of(user, this.vervalDinas);
		if (!scope.mayList()) {
			throw new AccessDeniedException("No proposals for " + user.role());
		}
		return scope;
	}

	private static @Nullable String kind(@Nullable String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		String v = kind.strip();
		if (!DataProposals.KINDS.contains(v)) {
			throw new InvalidParameterException("kind", "param.option", shorten(v),
					String.join(", ", DataProposals.KINDS));
		}
		return v;
	}

	private @Nullable String kecamatan(@Nullable String kecamatan) {
		if (kecamatan == null || kecamatan.isBlank()) {
			return null;
		}
		String v = kecamatan.strip();
		if (this.regions.kecamatan(v).isEmpty()) {
			throw new InvalidParameterException("kecamatan", "usul.param.region", shorten(v));
		}
		return v;
	}

	private @Nullable String desa(@Nullable String desa) {
		if (desa == null || desa.isBlank()) {
			return null;
		}
		String v = desa.strip();
		if (this.regions.desa(v).isEmpty()) {
			throw new InvalidParameterException("desa", "usul.param.region", shorten(v));
		}
		return v;
	}

	private static String shorten(String v) {
		return v.length() > 40 ? v.substring(0, 40) + "…" : v;
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
