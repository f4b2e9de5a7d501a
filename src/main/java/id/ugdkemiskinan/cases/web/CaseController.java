package id.ugdkemiskinan.cases.web;

import id.ugdkemiskinan.cases.domain.CaseStatus;
import id.ugdkemiskinan.cases.domain.Channel;
import id.ugdkemiskinan.cases.domain.EventType;
import id.ugdkemiskinan.cases.domain.Priority;
import id.ugdkemiskinan.cases.domain.Vulnerability;
import id.ugdkemiskinan.cases.intake.AttachmentInspector;
import id.ugdkemiskinan.cases.intake.CaseIntake;
import id.ugdkemiskinan.cases.intake.FieldProblem;
import id.ugdkemiskinan.cases.intake.FileCaseForm;
import id.ugdkemiskinan.cases.intake.InvalidCaseException;
import id.ugdkemiskinan.cases.intake.Nik;
import id.ugdkemiskinan.cases.intake.OutOfScopeException;
import id.ugdkemiskinan.cases.intake.Submission;
import id.ugdkemiskinan.cases.intake.SubmissionKeyTooLongException;
import id.ugdkemiskinan.cases.intake.SubmissionReusedException;
import id.ugdkemiskinan.cases.intake.ValidAttachment;
import id.ugdkemiskinan.cases.intake.ValidCase;
import id.ugdkemiskinan.cases.query.CaseFilter;
import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.cases.query.CaseScope;
import id.ugdkemiskinan.cases.query.CaseViews;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.CategoryRef;
import id.ugdkemiskinan.agency.DinasRef;
import id.ugdkemiskinan.agency.InterventionRef;
import id.ugdkemiskinan.cases.query.CaseViews.AttachmentContent;
import id.ugdkemiskinan.cases.query.CaseViews.CasePage;
import id.ugdkemiskinan.cases.query.CaseViews.Duplicate;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.core.ResolvableType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case pages: the list, the filing form, the case page and its attachments. */
@Controller
public class CaseController {

	public static final int PAGE_SIZE = 25;

	private final CaseIntake intake;

	private final CaseQueries queries;

	private final AttachmentInspector inspector;

	private final Regions regions;

	private final Agencies agencies;

	public CaseController(CaseIntake intake, CaseQueries queries, AttachmentInspector inspector, Regions regions,
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
		CaseFilter filter = new CaseFilter(Paging.option("status", status, CaseStatus.class), dinas,
				category, desa, Paging.option("priority", priority, Priority.class), filedFrom,
				filedTo, overdue, kecamatan, q);
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
		// A fresh form takes back what the browser kept of an unsent one (a form shown again after a
		// post shows what was posted, and the browser keeps that instead).
		model.addAttribute("draftRestore", true);
		return prepareForm(user, model);
	}

	@PostMapping("/kasus")
	String fileCase(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") FileCaseForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		Submission submission;
		try {
			submission = Submission.of(Submission.FORM_PREFIX,
					form.submissionToken() == null || form.submissionToken().isBlank() ? UUID.randomUUID().toString()
							: form.submissionToken(),
					form.command());
		}
		catch (SubmissionKeyTooLongException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("submissionProblem", "case.submission.invalid");
			return prepareFormWithNewToken(user, model);
		}
		List<ValidAttachment> files = attachments(form.attachments(), result);
		try {
			Optional<String> earlier = this.intake.earlier(submission, user);
			if (earlier.isPresent()) {
				return toFiledCase(earlier.get(), user, redirect);
			}
			ValidCase valid = this.intake.validate(form.command(), user);
			if (result.hasErrors()) {
				FieldError unreadable = result.getFieldErrors()
					.stream()
					.filter(FieldError::isBindingFailure)
					.findFirst()
					.orElse(null);
				if (unreadable != null) {
					// A value no form of ours sends (a checkbox "maybe"): 400, named, never quietly false;
					// the form comes back with everything else that was typed.
					response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
					model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
					model.addAttribute("form", rebindWithout(request, result));
					model.addAttribute("submissionProblem", "case.form.unreadableValue");
					model.addAttribute("submissionTicket", unreadable.getField());
				}
				return prepareForm(user, model);
			}
			if (!Boolean.TRUE.equals(form.confirmDuplicate())) {
				List<Duplicate> duplicates = this.queries.openDuplicates(valid, CaseScope.of(user));
				// A concurrent submit of this same form may be what the duplicate check just found.
				Optional<String> sameSubmission = this.intake.earlier(submission, user);
				if (sameSubmission.isPresent()) {
					return toFiledCase(sameSubmission.get(), user, redirect);
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
			return toFiledCase(filing.ticket(), user, redirect);
		}
		catch (SubmissionReusedException ex) {
			// This form (its token) already filed another case, e.g. the form came back with "back" and
			// was changed: say so, keep what was typed, and let the next submit file a new case.
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("submissionProblem", "case.submission.reused");
			model.addAttribute("submissionTicket", ex.ticket());
			return prepareFormWithNewToken(user, model);
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

	/** The form bound again from the request, leaving out the fields whose values could not be read. */
	private static FileCaseForm rebindWithout(HttpServletRequest request, BindingResult failed) {
		ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "form");
		binder.setTargetType(ResolvableType.forClass(FileCaseForm.class));
		binder.setDisallowedFields(failed.getFieldErrors()
			.stream()
			.filter(FieldError::isBindingFailure)
			.map(FieldError::getField)
			.toArray(String[]::new));
		binder.construct(request);
		Object target = binder.getTarget();
		return target instanceof FileCaseForm refilled ? refilled : FileCaseForm.empty();
	}

	@GetMapping("/kasus/{ticket}")
	String showCase(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket, Model model) {
		CaseViews.CaseDetails kase = this.queries.findByTicket(ticket, CaseScope.of(user))
			.orElseThrow(() -> new NotFoundException("No case " + ticket + " in scope"));
		model.addAttribute("kase", kase);
		// Printed, the page shows the NIK masked as in the list (on screen the full NIK, as today).
		model.addAttribute("maskedNik", Nik.mask(kase.nik()));
		model.addAttribute("eventNotes", eventNotes(kase));
		// The timeline names each dinas ("Diteruskan ke Dinas Kesehatan"), not its code.
		model.addAttribute("dinasNames",
				this.agencies.dinas().stream().collect(Collectors.toMap(DinasRef::code, DinasRef::name)));
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

	/**
	 * The timeline's notes as people read them: a resolution is stored as
	 * {@code INTERVENTION_CODE: what was done}; the page names the intervention instead.
	 */
	private Map<Long, String> eventNotes(CaseViews.CaseDetails kase) {
		Map<String, String> names = this.agencies.interventions()
			.stream()
			.collect(Collectors.toMap(InterventionRef::code, InterventionRef::name));
		Map<Long, String> notes = new HashMap<>();
		for (CaseViews.EventView event : kase.events()) {
			if (event.type() != EventType.RESOLVED || event.note() == null) {
				continue;
			}
			int colon = event.note().indexOf(':');
			String name = colon > 0 ? names.get(event.note().substring(0, colon)) : null;
			if (name != null) {
				notes.put(event.id(), name + ":" + event.note().substring(colon + 1));
			}
		}
		return notes;
	}

	@GetMapping("/kasus/{ticket}/lampiran/{id}")
	ResponseEntity<byte[]> downloadAttachment(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticket,
			@PathVariable long id) {
		AttachmentContent file = this.queries.attachment(ticket, id, CaseScope.of(user))
			.orElseThrow(() -> new NotFoundException("No attachment " + id + " of " + ticket + " in scope"));
		// The type is what the content is, not what it was called or declared: its name gets that
		// type's extension, and only photos may be shown in the page; everything else is a download.
		String type = this.inspector.contentType(file.content());
		boolean image = AttachmentInspector.isImage(type);
		String filename = AttachmentInspector.withExtension(file.filename(), type);
		ContentDisposition disposition = (image ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(filename)
			.build();
		return ResponseEntity.ok()
			.contentType(image || "application/pdf".equals(type) ? MediaType.parseMediaType(type)
					: MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
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

	/**
	 * To the case this form filed: now, or earlier (a resubmit after a lost answer). Either way the
	 * case page tells the browser to forget the form's draft.
	 */
	private static String toFiledCase(String ticket, CurrentUser user, RedirectAttributes redirect) {
		redirect.addFlashAttribute("draftFiled", draftKey(user));
		return "redirect:/kasus/" + ticket;
	}

	private String prepareFormWithNewToken(CurrentUser user, Model model) {
		model.addAttribute("newSubmissionToken", UUID.randomUUID().toString());
		return prepareForm(user, model);
	}

	private String prepareForm(CurrentUser user, Model model) {
		model.addAttribute("kecamatan", this.regions.kecamatan(user.kecamatanCode()).orElseThrow());
		model.addAttribute("desaList", this.regions.desaIn(user.kecamatanCode()));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("categories", this.agencies.categories());
		model.addAttribute("vulnerabilityFlags", Vulnerability.values());
		model.addAttribute("draftKey", draftKey(user));
		return "cases/filing-form";
	}

	/**
	 * Where the browser keeps this user's unsent filing form (localStorage): one key per user, from a
	 * hash of the user name, so that two operators sharing a device never see each other's drafts.
	 */
	static String draftKey(CurrentUser user) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(user.username().getBytes(StandardCharsets.UTF_8));
			return "ugd-draft-filing-" + HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always there", ex);
		}
	}

	private Map<String, String> categoryNames() {
		return this.agencies.categories().stream().collect(Collectors.toMap(CategoryRef::code, CategoryRef::name));
	}

}
