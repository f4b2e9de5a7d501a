package id.ugdkemiskinan.cases;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.CategoryRef;
import id.ugdkemiskinan.agency.InterventionRef;
import id.ugdkemiskinan.cases.CaseViews.AttachmentContent;
import id.ugdkemiskinan.cases.CaseViews.CasePage;
import id.ugdkemiskinan.cases.CaseViews.Duplicate;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case pages: the list, the filing form, the case page and its attachments. */
@Controller
class CaseController {

	static final int PAGE_SIZE = 25;

	private final CaseIntake intake;

	private final CaseQueries queries;

	private final AttachmentInspector inspector;

	private final Regions regions;

	private final Agencies agencies;

	CaseController(CaseIntake intake, CaseQueries queries, AttachmentInspector inspector, Regions regions,
			Agencies agencies) {
		this.intake = intake;
		this.queries = queries;
		this.inspector = inspector;
		this.regions = regions;
		this.agencies = agencies;
	}

	/** How many of the cases waiting for the resident's confirmation the operator's home page lists. */
	static final int AWAITING_SHOWN = 10;

	@GetMapping("/kasus")
	String listCases(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String status,
			@RequestParam(required = false) String dinas, @RequestParam(required = false) String category,
			@RequestParam(required = false) String desa, @RequestParam(required = false) String priority,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedTo,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String kecamatan,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			HttpServletRequest request, Model model) {
		CaseFilter filter = new CaseFilter(Paging.option("status", status, CaseStatus.class), emptyToNull(dinas),
				emptyToNull(category), emptyToNull(desa), Paging.option("priority", priority, Priority.class), filedFrom,
				filedTo, overdue, emptyToNull(kecamatan), emptyToNull(q));
		Paging paging = Paging.parse(page, PAGE_SIZE);
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

	@GetMapping("/kasus/baru")
	String showFilingForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", FileCaseForm.empty());
		return prepareForm(user, model);
	}

	@PostMapping("/kasus")
	String fileCase(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") FileCaseForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		String submission = "form:" + (form.submissionToken() == null || form.submissionToken().isBlank()
				? UUID.randomUUID() : form.submissionToken());
		Optional<String> earlier = this.queries.ticketForSubmission(user.id(), submission);
		if (earlier.isPresent()) {
			return "redirect:/kasus/" + earlier.get();
		}
		List<ValidAttachment> files = attachments(form.attachments(), result);
		try {
			ValidCase valid = this.intake.validate(form.command(), user);
			if (result.hasErrors()) {
				return prepareForm(user, model);
			}
			if (!Boolean.TRUE.equals(form.confirmDuplicate())) {
				List<Duplicate> duplicates = this.queries.openDuplicates(valid, CaseScope.of(user));
				// A concurrent submit of this same form may be what the duplicate check just found.
				Optional<String> sameSubmission = this.queries.ticketForSubmission(user.id(), submission);
				if (sameSubmission.isPresent()) {
					return "redirect:/kasus/" + sameSubmission.get();
				}
				if (!duplicates.isEmpty()) {
					model.addAttribute("duplicates", duplicates);
					return prepareForm(user, model);
				}
			}
			CaseIntake.Filing filing = this.intake.file(valid, files, user, submission);
			if (filing.created()) {
				redirect.addFlashAttribute("flashSuccess", "case.filed");
			}
			return "redirect:/kasus/" + filing.ticket();
		}
		catch (InvalidCaseException ex) {
			for (FieldProblem problem : ex.problems()) {
				result.rejectValue(problem.field(), problem.messageKey(), problem.args(), null);
			}
			return prepareForm(user, model);
		}
		catch (OutOfScopeException ex) {
			result.rejectValue("desaCode", "case.desa.outOfScope");
			return prepareForm(user, model);
		}
	}

	@GetMapping("/kasus/{ticket}")
	String showCase(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket, Model model) {
		model.addAttribute("kase", this.queries.findByTicket(ticket, CaseScope.of(user))
			.orElseThrow(() -> new NotFoundException("No case " + ticket + " in scope")));
		model.addAttribute("categoryNames", categoryNames());
		model.addAttribute("categoryList", this.agencies.categories());
		model.addAttribute("secretariatCode", this.agencies.secretariat().code());
		model.addAttribute("interventions", this.agencies.interventions());
		model.addAttribute("interventionNames", this.agencies.interventions()
			.stream()
			.collect(Collectors.toMap(InterventionRef::code, InterventionRef::name)));
		model.addAttribute("routableDinas",
				this.agencies.dinas().stream().filter(d -> d.active() && !d.secretariat()).toList());
		return "cases/detail";
	}

	@GetMapping("/kasus/{ticket}/lampiran/{id}")
	ResponseEntity<byte[]> downloadAttachment(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@PathVariable long id) {
		AttachmentContent file = this.queries.attachment(ticket, id, CaseScope.of(user))
			.orElseThrow(() -> new NotFoundException("No attachment " + id + " of " + ticket + " in scope"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.filename()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	private List<ValidAttachment> attachments(List<MultipartFile> uploads, BindingResult result) {
		if (uploads.size() > AttachmentInspector.MAX_FILES) {
			result.rejectValue("attachments", "case.attachments.tooMany", new Object[] { AttachmentInspector.MAX_FILES },
					null);
			return List.of();
		}
		List<ValidAttachment> files = new ArrayList<>();
		for (MultipartFile upload : uploads) {
			try {
				byte[] content = upload.getBytes();
				String problem = this.inspector.problem(content);
				if (problem != null) {
					result.rejectValue("attachments", problem, new Object[] { upload.getOriginalFilename() }, null);
				}
				else {
					String type = this.inspector.contentType(content);
					files.add(new ValidAttachment(AttachmentInspector.safeName(upload.getOriginalFilename(), type), type,
							content));
				}
			}
			catch (IOException ex) {
				result.rejectValue("attachments", "case.attachments.unreadable",
						new Object[] { upload.getOriginalFilename() }, null);
			}
		}
		return files;
	}

	private String prepareForm(CurrentUser user, Model model) {
		model.addAttribute("kecamatan", this.regions.kecamatan(user.kecamatanCode()).orElseThrow());
		model.addAttribute("desaList", this.regions.desaIn(user.kecamatanCode()));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("categories", this.agencies.categories());
		model.addAttribute("vulnerabilityFlags", Vulnerability.values());
		return "cases/filing-form";
	}

	private Map<String, String> categoryNames() {
		return this.agencies.categories().stream().collect(Collectors.toMap(CategoryRef::code, CategoryRef::name));
	}

	private static String emptyToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
