package id.ugdkemiskinan.cases.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.cases.FilingSource;
import id.ugdkemiskinan.cases.domain.Channel;
import id.ugdkemiskinan.cases.domain.Vulnerability;
import id.ugdkemiskinan.cases.intake.AttachmentInspector;
import id.ugdkemiskinan.cases.intake.CaseIntake;
import id.ugdkemiskinan.cases.intake.CaseIntake.Filing;
import id.ugdkemiskinan.cases.intake.FieldProblem;
import id.ugdkemiskinan.cases.intake.FileCaseForm;
import id.ugdkemiskinan.cases.intake.InvalidCaseException;
import id.ugdkemiskinan.cases.intake.OutOfScopeException;
import id.ugdkemiskinan.cases.intake.Submission;
import id.ugdkemiskinan.cases.intake.SubmissionKeyTooLongException;
import id.ugdkemiskinan.cases.intake.SubmissionReusedException;
import id.ugdkemiskinan.cases.intake.ValidAttachment;
import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The filing form: shown, posted, and back with what was wrong, the possible duplicates
 * or the filed case.
 */
@Controller
class FilingController {

	private final CaseIntake intake;

	private final AttachmentInspector inspector;

	private final Regions regions;

	private final Agencies agencies;

	private final ObjectProvider<FilingSource> sources;

	FilingController(CaseIntake intake, AttachmentInspector inspector, Regions regions, Agencies agencies,
			ObjectProvider<FilingSource> sources) {
		this.intake = intake;
		this.inspector = inspector;
		this.regions = regions;
		this.agencies = agencies;
		this.sources = sources;
	}

	@GetMapping("/kasus/baru")
	String showFilingForm(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = SOURCE_PARAM, required = false) String source, Model model) {
		Long sourceId = sourceId(source);
		if (sourceId != null) {
			// From a WhatsApp conversation: prefilled, and no browser draft over it.
			FilingSource.Draft draft = draft(sourceId, user)
				.orElseThrow(() -> new NotFoundException("no filing source " + sourceId));
			FileCaseForm empty = FileCaseForm.empty();
			model.addAttribute("form",
					new FileCaseForm(null, null, null, null, null, null, draft.channel(), List.of(),
							draft.description(), null, null, false, null, null, draft.phone(), null, null, null, false,
							List.of(), List.of(), empty.submissionToken(), false, false));
			model.addAttribute("filingSource", draft);
			model.addAttribute("filingSourceChosen", draft.files().stream().map(FilingSource.FileOffer::key).toList());
			return prepareForm(user, model);
		}
		model.addAttribute("form", FileCaseForm.empty());
		// A fresh form takes back what the browser kept of an unsent one (a form shown
		// again after a post shows what was posted, and the browser keeps that instead).
		model.addAttribute("draftRestore", true);
		return prepareForm(user, model);
	}

	/** The hidden field naming the conversation a case is filed from. */
	static final String SOURCE_PARAM = "percakapan";

	/** The source's files ticked to attach. */
	static final String SOURCE_FILES_PARAM = "lampiranPercakapan";

	private static Long sourceId(String source) {
		if (source == null || source.isEmpty()) {
			return null;
		}
		if (!source.matches("[0-9]{1,18}")) {
			throw new InvalidParameterException(SOURCE_PARAM, "param.number", source, 1, Long.MAX_VALUE);
		}
		return Long.parseLong(source);
	}

	private Optional<FilingSource.Draft> draft(long sourceId, CurrentUser user) {
		FilingSource source = this.sources.getIfAvailable();
		return (source == null) ? Optional.empty() : source.draft(sourceId, user);
	}

	@PostMapping("/kasus")
	String fileCase(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") FileCaseForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response, @RequestParam(name = SOURCE_PARAM, required = false) String source,
			@RequestParam(name = SOURCE_FILES_PARAM, required = false) List<String> sourceFiles) {
		Long sourceId = sourceId(source);
		FilingSource.Draft draft = null;
		if (sourceId != null) {
			draft = draft(sourceId, user).orElse(null);
			if (draft == null) {
				result.reject("inbox.filing.stale");
				model.addAttribute("filingSourceProblem", "inbox.filing.stale");
				return prepareForm(user, model);
			}
			model.addAttribute("filingSource", draft);
			model.addAttribute("filingSourceChosen", (sourceFiles == null) ? List.of() : sourceFiles);
		}
		Submission submission;
		try {
			submission = Submission.ofForm(form.submissionToken(), form.command());
		}
		catch (SubmissionKeyTooLongException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("submissionProblem", "case.submission.invalid");
			return prepareFormWithNewToken(user, model);
		}
		List<ValidAttachment> files = new ArrayList<>(this.inspector.read(form.attachments(), result));
		if (draft != null && sourceFiles != null && !sourceFiles.isEmpty()) {
			files.addAll(sourceAttachments(draft.sourceId(), sourceFiles, files.size(), user, result));
		}
		CaseIntake.Mode mode = result.hasErrors() ? CaseIntake.Mode.CHECK_ONLY
				: Boolean.TRUE.equals(form.confirmDuplicate()) ? CaseIntake.Mode.IGNORE_DUPLICATES
						: CaseIntake.Mode.STOP_AT_DUPLICATES;
		try {
			FilingSource filingSource = (draft != null) ? this.sources.getObject() : null;
			long id = (draft != null) ? draft.sourceId() : 0;
			Filing filing = this.intake.file(form.command().withAnswers(answers(request, model)), files, user,
					submission, mode, (caseId) -> {
						if (filingSource != null) {
							filingSource.filed(id, caseId, user);
						}
					});
			if (filing instanceof Filing.Filed filed) {
				redirect.addFlashAttribute("flashSuccess", "case.filed");
				redirect.addFlashAttribute("receiptPrompt", true);
				return toFiledCase(filed.ticket(), user, redirect);
			}
			if (filing instanceof Filing.AlreadyFiled earlier) {
				return toFiledCase(earlier.ticket(), user, redirect);
			}
			if (filing instanceof Filing.PossibleDuplicates possible) {
				model.addAttribute("duplicates", possible.duplicates());
				return prepareForm(user, model);
			}
			return refusedForm(result, model, user, request, response);
		}
		catch (SubmissionReusedException ex) {
			// This form (its token) already filed another case, e.g. the form came back
			// with "back" and was changed: say so, keep what was typed, and let the next
			// submit file a new case.
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
		catch (FilingSource.StaleSourceException ex) {
			result.reject("inbox.filing.stale");
			model.addAttribute("filingSourceProblem", "inbox.filing.stale");
			return prepareForm(user, model);
		}
	}

	/** The source's ticked files, checked as uploads are. */
	private List<ValidAttachment> sourceAttachments(long sourceId, List<String> keys, int uploaded, CurrentUser user,
			BindingResult result) {
		if (uploaded + keys.size() > AttachmentInspector.MAX_FILES) {
			result.rejectValue("attachments", "case.attachments.tooMany",
					new Object[] { AttachmentInspector.MAX_FILES }, null);
			return List.of();
		}
		List<ValidAttachment> files = new ArrayList<>();
		for (FilingSource.SourceFile file : this.sources.getObject().attachments(sourceId, keys, user)) {
			String problem = this.inspector.problem(file.content());
			if (problem != null) {
				result.rejectValue("attachments", problem, new Object[] { file.filename() }, null);
			}
			else {
				String type = this.inspector.contentType(file.content());
				files.add(
						new ValidAttachment(AttachmentInspector.safeName(file.filename(), type), type, file.content()));
			}
		}
		return files;
	}

	/**
	 * A case valid as typed, on a form with problems of its own (an attachment, a value
	 * that cannot be read).
	 */
	private String refusedForm(BindingResult result, Model model, CurrentUser user, HttpServletRequest request,
			HttpServletResponse response) {
		if (FilingForms.refillUnreadable(result, model, request)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return prepareForm(user, model);
	}

	/**
	 * To the case this form filed: now, or earlier (a resubmit after a lost answer).
	 * Either way the case page tells the browser to forget the form's draft.
	 */
	private static String toFiledCase(String ticket, CurrentUser user, RedirectAttributes redirect) {
		redirect.addFlashAttribute("draftFiled", FilingForms.draftKey(user));
		return "redirect:/kasus/" + ticket;
	}

	private String prepareFormWithNewToken(CurrentUser user, Model model) {
		model.addAttribute("newSubmissionToken", UUID.randomUUID().toString());
		return prepareForm(user, model);
	}

	/**
	 * The answers to the categories' extra questions ({@code answer_<CATEGORY>_<n>}),
	 * kept in the model so that a form shown again keeps them; other parameters are not
	 * read, and at most a few dozen.
	 */
	private static Map<String, String> answers(HttpServletRequest request, Model model) {
		Map<String, String> answers = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> param : request.getParameterMap().entrySet()) {
			String name = param.getKey();
			if (name.startsWith("answer_") && name.length() <= 60 && param.getValue().length > 0
					&& answers.size() < 60) {
				answers.put(name, param.getValue()[0]);
			}
		}
		model.addAttribute("answers", answers);
		return answers;
	}

	private String prepareForm(CurrentUser user, Model model) {
		model.addAttribute("kecamatan", this.regions.kecamatan(user.kecamatanCode()).orElseThrow());
		model.addAttribute("desaList", this.regions.desaIn(user.kecamatanCode()));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("categories", this.agencies.categories());
		// "Belum pernah dibantu" is derived from the registry at intake, not ticked.
		model.addAttribute("vulnerabilityFlags",
				Arrays.stream(Vulnerability.values()).filter(v -> v != Vulnerability.BELUM_PERNAH_DIBANTU).toList());
		model.addAttribute("draftKey", FilingForms.draftKey(user));
		return "cases/filing-form";
	}

}
