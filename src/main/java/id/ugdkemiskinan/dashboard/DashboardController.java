package id.ugdkemiskinan.dashboard;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.CategoryRef;
import id.ugdkemiskinan.agency.DinasRef;
import id.ugdkemiskinan.common.Formats;
import id.ugdkemiskinan.common.Locales;
import id.ugdkemiskinan.common.TimeProperties;
import id.ugdkemiskinan.region.KecamatanRef;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * The SLA dashboard (/dasbor): the leadership and the secretariat see everything, dinas staff their
 * dinas, operators their kecamatan. Filters live in the URL ({@link DashboardFilters} checks them:
 * a refused filter answers 400 with the form and its messages); the body refreshes itself every
 * {@code ugd.dashboard.refresh-interval} (htmx, {@code /dasbor/isi}); the exports stream.
 */
@Controller
class DashboardController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final DashboardQueries queries;

	private final DashboardFilters filters;

	private final Agencies agencies;

	private final Regions regions;

	private final ZoneId zone;

	private final long refreshSeconds;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Formats formats;

	DashboardController(DashboardQueries queries, DashboardFilters filters, Agencies agencies, Regions regions,
			TimeProperties time, DashboardProperties properties, JsonMapper json, MessageSource messages,
			Formats formats) {
		this.json = json;
		this.queries = queries;
		this.filters = filters;
		this.agencies = agencies;
		this.regions = regions;
		this.zone = time.zone();
		this.refreshSeconds = Math.max(1, properties.refreshInterval().toSeconds());
		this.messages = messages;
		this.formats = formats;
	}

	/**
	 * A dinas's line in the by-dinas table: its figures for the period (if any), their compliance
	 * ({@code null} without any), and its open breaches now.
	 */
	record DinasRow(String code, String name, DashboardFigures.Group figures, Double compliance, long breachedNow) {
	}

	@GetMapping("/dasbor")
	String showDashboard(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") DashboardInput input,
			Model model, HttpServletResponse response) {
		if (!prepare(user, input, model)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return "dashboard/dashboard";
	}

	/** The self-refreshing part of the page (htmx): the figures only, without the layout. */
	@GetMapping("/dasbor/isi")
	String refreshDashboard(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") DashboardInput input,
			Model model, HttpServletResponse response) {
		if (!prepare(user, input, model)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "dashboard/dashboard :: invalidFilters";
		}
		return "dashboard/dashboard :: dashboardBody";
	}

	/**
	 * The period's assignments with their SLA outcome, UTF-8 CSV with a BOM and {@code ;} so an
	 * Indonesian Excel opens it cleanly; written row by row as they come from the database.
	 */
	@GetMapping("/dasbor/ekspor.csv")
	void exportCsv(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") DashboardInput input,
			HttpServletResponse response) throws IOException {
		DashboardFilter filter = this.filters.resolve(user, input);
		DashboardFigures figures = this.queries.figures(filter);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(filter, "csv"));
		// Commit the response (and with it the session) before the rows' read-only transaction opens.
		response.flushBuffer();
		Writer csv = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
		csv.write("\uFEFF");
		csv.append("# UGD Kemiskinan — SLA ").append(filter.from().toString()).append(" s.d. ")
			.append(filter.to().toString()).append("\r\n");
		csv.append(this.messages.getMessage("dashboard.csv.header", null, Locales.INDONESIAN)).append("\r\n");
		csv.append("# ").append(Long.toString(figures.onTime())).append(';').append(Long.toString(figures.late())).append(';')
			.append(Long.toString(figures.overdueOpen())).append(';').append(Long.toString(figures.pending())).append(';')
			.append(figures.compliance() == null ? "" : String.format(Locale.ROOT, "%.4f", figures.compliance()))
			.append(';').append(number(figures.responseMinutesMedian())).append(';')
			.append(number(figures.responseMinutesP90())).append("\r\n");
		csv.append("tiket;kecamatan;desa;dinas;status;ditugaskan;batas;direspon;hasil_sla;menit_respon\r\n");
		DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(this.zone);
		this.queries.export(filter, r -> {
			try {
				csv.append(r.ticket()).append(';').append(r.kecamatanCode()).append(';').append(r.desaCode()).append(';')
					.append(r.dinasCode()).append(';').append(r.status()).append(';').append(time.format(r.assignedAt()))
					.append(';').append(time.format(r.dueAt())).append(';')
					.append(r.respondedAt() == null ? "" : time.format(r.respondedAt())).append(';').append(r.outcome())
					.append(';').append(r.responseMinutes() == null ? "" : r.responseMinutes().toString()).append("\r\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		csv.flush();
	}

	/**
	 * The same as an Excel workbook (streamed, {@link DashboardWorkbook}): the summary with the
	 * by-dinas table, the period's assignments with names beside codes and Indonesian dates, and the
	 * live breach board.
	 */
	@GetMapping("/dasbor/ekspor.xlsx")
	void exportXlsx(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") DashboardInput input,
			HttpServletResponse response) throws IOException {
		DashboardFilter filter = this.filters.resolve(user, input);
		DashboardFigures figures = this.queries.figures(filter);
		List<DinasRow> byDinas = byDinas(figures, this.queries.breachedNowByDinas(filter));
		Locale locale = LocaleContextHolder.getLocale();
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(filter, "xlsx"));
		response.flushBuffer();
		new DashboardWorkbook(this.queries, key -> this.messages.getMessage(key, null, locale), this.formats, this.zone,
				this.agencies.categories().stream().collect(Collectors.toMap(CategoryRef::code, CategoryRef::name)))
			.write(response.getOutputStream(), filter, figures, byDinas);
	}

	/** An export asked for a filter the dashboard refuses: the page with the form and the messages, 400. */
	@ExceptionHandler(InvalidDashboardFilterException.class)
	ModelAndView refused(InvalidDashboardFilterException ex) {
		ModelMap model = new ModelMap();
		model.addAttribute("form", ex.input());
		model.addAttribute("scopeFixed", SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof CurrentUser user
				&& scopeFixed(user));
		refused(ex, model);
		return new ModelAndView("dashboard/dashboard", model, HttpStatus.BAD_REQUEST);
	}

	/** Fills the page's model; {@code false} when the filters were refused (the model then holds the messages). */
	private boolean prepare(CurrentUser user, DashboardInput input, Model model) {
		DashboardFilter filter;
		try {
			filter = this.filters.resolve(user, input);
		}
		catch (InvalidDashboardFilterException ex) {
			refused(ex, model.asMap());
			model.addAttribute("scopeFixed", scopeFixed(user));
			return false;
		}
		lists(model.asMap());
		model.addAttribute("errors", Map.of());
		model.addAttribute("period", input.periodChoice());
		model.addAttribute("scopeFixed", scopeFixed(user));
		model.addAttribute("refreshSeconds", this.refreshSeconds);
		model.addAttribute("filter", filter);
		DashboardFigures figures = this.queries.figures(filter);
		model.addAttribute("figures", figures);
		DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", Locales.INDONESIA);
		model.addAttribute("trendJson", this.json.writeValueAsString(figures.daily()
			.stream()
			.map(d -> Map.of("label", label.format(d.date()), "filed", d.filed(), "onTime", d.onTime(), "breached",
					d.breached()))
			.toList()));
		model.addAttribute("byDinas", byDinas(figures, this.queries.breachedNowByDinas(filter)));
		model.addAttribute("breachBoard", this.queries.breachBoard(filter));
		model.addAttribute("atRiskList", this.queries.atRisk(filter));
		return true;
	}

	private void refused(InvalidDashboardFilterException ex, Map<String, Object> model) {
		lists(model);
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems().forEach(p -> errors.merge(p.field(), this.messages.getMessage(p.messageKey(), p.args(), locale),
				(a, b) -> a + " " + b));
		model.put("errors", errors);
		model.put("period", ex.input().periodChoice());
		model.putIfAbsent("scopeFixed", false);
		model.put("refreshSeconds", this.refreshSeconds);
	}

	private void lists(Map<String, Object> model) {
		List<KecamatanRef> kecamatanList = this.regions.kecamatan();
		List<DinasRef> dinasList = this.agencies.dinas();
		model.put("kecamatanList", kecamatanList);
		model.put("dinasList", dinasList);
		model.put("categoryNames",
				this.agencies.categories().stream().collect(Collectors.toMap(CategoryRef::code, CategoryRef::name)));
		model.put("kecamatanNames", kecamatanList.stream().collect(Collectors.toMap(KecamatanRef::code, KecamatanRef::name)));
		model.put("dinasNames", dinasList.stream().collect(Collectors.toMap(DinasRef::code, DinasRef::name)));
	}

	/**
	 * Every dinas with figures in the period or open breaches now, worst compliance first (no
	 * compliance last), then the most open breaches now, then by code.
	 */
	List<DinasRow> byDinas(DashboardFigures figures, Map<String, Long> breachedNow) {
		Map<String, String> names = this.agencies.dinas().stream().collect(Collectors.toMap(DinasRef::code, DinasRef::name));
		Map<String, DashboardFigures.Group> groups = figures.byDinas()
			.stream()
			.collect(Collectors.toMap(DashboardFigures.Group::code, Function.identity()));
		List<String> codes = new ArrayList<>(groups.keySet());
		breachedNow.keySet().stream().filter(code -> !groups.containsKey(code)).forEach(codes::add);
		return codes.stream()
			.map(code -> new DinasRow(code, names.getOrDefault(code, code), groups.get(code),
					groups.containsKey(code) ? groups.get(code).compliance() : null, breachedNow.getOrDefault(code, 0L)))
			.sorted(Comparator.comparing(DinasRow::compliance, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Comparator.comparingLong(DinasRow::breachedNow).reversed())
				.thenComparing(DinasRow::code))
			.toList();
	}

	private static boolean scopeFixed(CurrentUser user) {
		return user.role() == Role.OPERATOR_UPT || user.role() == Role.PETUGAS_DINAS;
	}

	private static String attachment(DashboardFilter filter, String extension) {
		return ContentDisposition.attachment()
			.filename("sla-" + filter.from() + "-" + filter.to() + "." + extension)
			.build()
			.toString();
	}

	private static String number(Double value) {
		return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
	}

}
