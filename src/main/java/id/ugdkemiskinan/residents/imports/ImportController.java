package id.ugdkemiskinan.residents.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat's (and the admin's) imports of programme and desil lists: the list of
 * imports with the upload form, the column mapping, an import's progress and errors, its
 * error report and its undo.
 */
@Controller
@RequestMapping("/registri/impor")
class ImportController {

	private static final String LIST_VIEW = "residents/imports";

	private static final String MAPPING_VIEW = "residents/import-mapping";

	private static final String DETAIL_VIEW = "residents/import-detail";

	private static final Pattern TOKEN = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final String SESSION_PREFIX = "imp.upload.";

	private static final int PAGE_SIZE = 20;

	private static final int ERRORS_SHOWN = 20;

	private final ImportStore store;

	private final RegistryImporter importer;

	private final MessageSource messages;

	ImportController(ImportStore store, RegistryImporter importer, MessageSource messages) {
		this.store = store;
		this.importer = importer;
		this.messages = messages;
	}

	@GetMapping
	String listImports(@RequestParam(required = false) String page, HttpServletRequest request, Model model) {
		Paging paging = Paging.parse(page, PAGE_SIZE);
		return list(paging, request, model, new LinkedHashMap<>(), null);
	}

	private String list(Paging paging, HttpServletRequest request, Model model, Map<String, String> errors,
			@Nullable String source) {
		List<ImportStore.ImportRow> rows = this.store.page(paging);
		model.addAttribute("imports", rows);
		model.addAttribute("pager", Pager.of(request, paging, rows.size(), this.store.count()));
		model.addAttribute("sources", this.store.sources());
		model.addAttribute("errors", errors);
		model.addAttribute("selectedSource", source);
		return LIST_VIEW;
	}

	@PostMapping
	String upload(@RequestParam(required = false) String source, @RequestParam(required = false) MultipartFile file,
			HttpServletRequest request, HttpSession session, Model model, HttpServletResponse response)
			throws IOException {
		Map<String, String> errors = new LinkedHashMap<>();
		ImportSource found = (source == null || source.isBlank() || source.length() > 40) ? null
				: this.store.source(source.trim()).orElse(null);
		if (found == null) {
			errors.put("source", "imp.source.unknown");
		}
		if (file == null || file.isEmpty()) {
			errors.put("file",
					(file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())
							? "imp.file.missing" : "imp.file.empty");
		}
		if (errors.isEmpty()) {
			try (InputStream in = file.getInputStream()) {
				RegistryImporter.Upload upload = this.importer.receive(found.code(), filename(file), in);
				session.setAttribute(SESSION_PREFIX + upload.token(), upload);
				return "redirect:/registri/impor/petakan/" + upload.token();
			}
			catch (RegistryImporter.UnreadableUpload ex) {
				errors.put("file", ex.messageKey());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return list(new Paging(0, PAGE_SIZE), request, model, errors, source);
	}

	@GetMapping("/petakan/{token}")
	String showMapping(@PathVariable String token, HttpSession session, Model model) {
		RegistryImporter.Upload upload = upload(token, session);
		ImportSource source = source(upload);
		Map<String, String> chosen = new LinkedHashMap<>();
		for (ImportField field : ImportField.of(source.kind())) {
			String heading = prefill(field, source.mapping().get(field.key()), upload.headings());
			if (heading != null) {
				chosen.put(field.key(), heading);
			}
		}
		return mapping(upload, source, chosen, null, new LinkedHashMap<>(), model);
	}

	private String mapping(RegistryImporter.Upload upload, ImportSource source, Map<String, String> chosen,
			@Nullable String asOf, Map<String, String> errors, Model model) {
		model.addAttribute("upload", upload);
		model.addAttribute("source", source);
		model.addAttribute("fields", ImportField.of(source.kind()));
		model.addAttribute("chosen", chosen);
		model.addAttribute("asOf", asOf);
		model.addAttribute("errors", errors);
		model.addAttribute("headings", upload.headings().stream().filter((h) -> !h.isEmpty()).distinct().toList());
		return MAPPING_VIEW;
	}

	/**
	 * The saved heading if the file has it (case aside), else a heading that is a known
	 * name of the field.
	 */
	static @Nullable String prefill(ImportField field, @Nullable String saved, List<String> headings) {
		if (saved != null) {
			for (String h : headings) {
				if (h.equalsIgnoreCase(saved.trim())) {
					return h;
				}
			}
		}
		for (String guess : field.guesses()) {
			for (String h : headings) {
				if (h.toLowerCase(Locale.ROOT).replace(' ', '_').equals(guess.replace(' ', '_'))) {
					return h;
				}
			}
		}
		return null;
	}

	@PostMapping("/petakan/{token}")
	String startImport(@PathVariable String token, @RequestParam(required = false) String asOf,
			HttpServletRequest request, HttpSession session, Model model, HttpServletResponse response,
			@AuthenticationPrincipal(expression = "id()") Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName) {
		RegistryImporter.Upload upload = upload(token, session);
		ImportSource source = source(upload);
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> chosen = new LinkedHashMap<>();
		Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
		for (ImportField field : ImportField.of(source.kind())) {
			String heading = request.getParameter("kolom_" + field.key());
			if (heading == null || heading.isBlank()) {
				continue;
			}
			chosen.put(field.key(), heading);
			if (!upload.headings().contains(heading)) {
				errors.put(field.key(), "imp.mapping.unknownHeading");
				continue;
			}
			mapping.put(field, heading);
		}
		for (ImportField field : ImportField.of(source.kind())) {
			if (field.required(source.kind()) && !mapping.containsKey(field) && !errors.containsKey(field.key())) {
				errors.put(field.key(), "imp.mapping.required");
			}
		}
		if (!mapping.containsKey(ImportField.NIK) && !mapping.containsKey(ImportField.KK)
				&& !errors.containsKey(ImportField.NIK.key())) {
			errors.put(ImportField.NIK.key(), "imp.mapping.nikOrKk");
		}
		LocalDate date = null;
		if (source.desil()) {
			if (asOf != null && !asOf.isBlank()) {
				date = date(asOf);
				if (date == null) {
					errors.put("asOf", "imp.mapping.asOfInvalid");
				}
			}
			else if (!mapping.containsKey(ImportField.AS_OF) && !errors.containsKey(ImportField.AS_OF.key())) {
				errors.put("asOf", "imp.mapping.asOfRequired");
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return mapping(upload, source, chosen, asOf, errors, model);
		}
		long id = this.importer.start(upload, source, mapping, date, actorId, actorName);
		session.removeAttribute(SESSION_PREFIX + token);
		return "redirect:/registri/impor/" + id;
	}

	@GetMapping("/{id}")
	String showImport(@PathVariable long id, Model model) {
		ImportStore.ImportRow row = this.store.find(id).orElseThrow(() -> new NotFoundException("No import " + id));
		model.addAttribute("imp", row);
		model.addAttribute("earlier", this.store.earlier(row.sha256(), id).orElse(null));
		model.addAttribute("errorRows", this.store.errors(id, ERRORS_SHOWN));
		return DETAIL_VIEW;
	}

	@GetMapping("/{id}/kemajuan")
	String showProgress(@PathVariable long id, Model model) {
		ImportStore.ImportRow row = this.store.find(id).orElseThrow(() -> new NotFoundException("No import " + id));
		model.addAttribute("imp", row);
		return DETAIL_VIEW + " :: progress";
	}

	@GetMapping("/{id}/galat.csv")
	void downloadErrors(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
		this.store.find(id).orElseThrow(() -> new NotFoundException("No import " + id));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"galat-impor-" + id + ".csv\"");
		List<String> header = new ArrayList<>();
		for (String key : List.of("imp.report.row", "imp.report.column", "imp.report.value", "imp.report.message")) {
			header.add(this.messages.getMessage(key, null, locale));
		}
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.store.writeErrors(id, header, out);
		out.flush();
	}

	@PostMapping("/{id}/batal")
	String undoImport(@PathVariable long id, @RequestParam(required = false) String confirm,
			@AuthenticationPrincipal(expression = "id()") Long actorId,
			@AuthenticationPrincipal(expression = "username") String actorName, RedirectAttributes redirect,
			Model model, HttpServletResponse response) {
		if (!"true".equals(confirm)) {
			this.store.find(id).orElseThrow(() -> new NotFoundException("No import " + id));
			redirect.addFlashAttribute("flashError", "imp.undo.notConfirmed");
			return "redirect:/registri/impor/" + id;
		}
		try {
			this.importer.undo(id, actorId, actorName);
		}
		catch (RegistryImporter.UndoRefused ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("imp", this.store.find(id).orElseThrow());
			model.addAttribute("earlier", null);
			model.addAttribute("errorRows", this.store.errors(id, ERRORS_SHOWN));
			model.addAttribute("undoRefused", true);
			return DETAIL_VIEW;
		}
		redirect.addFlashAttribute("flashSuccess", "imp.undo.done");
		return "redirect:/registri/impor/" + id;
	}

	private RegistryImporter.Upload upload(String token, HttpSession session) {
		Object upload = TOKEN.matcher(token).matches() ? session.getAttribute(SESSION_PREFIX + token) : null;
		if (!(upload instanceof RegistryImporter.Upload found) || this.importer.file(found) == null) {
			throw new NotFoundException("No upload " + token);
		}
		return found;
	}

	private ImportSource source(RegistryImporter.Upload upload) {
		return this.store.source(upload.sourceCode())
			.orElseThrow(() -> new NotFoundException("No source " + upload.sourceCode()));
	}

	private static String filename(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name == null || name.isBlank()) {
			return "unggahan";
		}
		name = name.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		String clean = RowReader.clean(name);
		return (clean == null) ? "unggahan" : clean;
	}

	private static @Nullable LocalDate date(String text) {
		try {
			return LocalDate.parse(text.trim(),
					DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
