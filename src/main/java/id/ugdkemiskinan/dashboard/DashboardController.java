package id.ugdkemiskinan.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.CategoryRef;
import id.ugdkemiskinan.agency.DinasRef;
import id.ugdkemiskinan.config.UgdProperties;
import id.ugdkemiskinan.region.KecamatanRef;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The SLA dashboard (/dasbor): the leadership and the secretariat see everything, dinas staff their
 * dinas, operators their kecamatan. Filters live in the URL; the body refreshes itself every 30 s.
 */
@Controller
class DashboardController {

	private final DashboardQueries queries;

	private final Agencies agencies;

	private final Regions regions;

	private final Clock clock;

	private final ZoneId zone;

	private final JsonMapper json;

	DashboardController(DashboardQueries queries, Agencies agencies, Regions regions, Clock clock,
			UgdProperties properties, JsonMapper json) {
		this.json = json;
		this.queries = queries;
		this.agencies = agencies;
		this.regions = regions;
		this.clock = clock;
		this.zone = properties.zone();
	}

	@GetMapping("/dasbor")
	String showDashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String kecamatan, @RequestParam(required = false) String dinas,
			@RequestParam(required = false) String category, Model model) {
		prepare(user, period, from, to, kecamatan, dinas, category, model);
		return "dashboard/dashboard";
	}

	/** The self-refreshing part of the page (htmx). */
	@GetMapping("/dasbor/isi")
	String refreshDashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String kecamatan, @RequestParam(required = false) String dinas,
			@RequestParam(required = false) String category, Model model) {
		prepare(user, period, from, to, kecamatan, dinas, category, model);
		return "dashboard/dashboard :: body";
	}

	/** The period's assignments with their SLA outcome, UTF-8 CSV with a BOM so Excel opens it cleanly. */
	@GetMapping(value = "/dasbor/ekspor.csv")
	@ResponseBody
	ResponseEntity<byte[]> exportCsv(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String kecamatan, @RequestParam(required = false) String dinas,
			@RequestParam(required = false) String category) {
		DashboardFilter filter = filter(user, period, from, to, kecamatan, dinas, category);
		DashboardFigures figures = this.queries.figures(filter);
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append("# UGD Kemiskinan — SLA ").append(filter.from()).append(" s.d. ").append(filter.to()).append("\r\n");
		csv.append("# tepat waktu;terlambat;terlambat belum direspon;menunggu;kepatuhan;median menit;p90 menit\r\n");
		csv.append("# ").append(figures.onTime()).append(';').append(figures.late()).append(';')
			.append(figures.overdueOpen()).append(';').append(figures.pending()).append(';')
			.append(figures.compliance() == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", figures.compliance()))
			.append(';').append(number(figures.responseMinutesMedian())).append(';')
			.append(number(figures.responseMinutesP90())).append("\r\n");
		csv.append("tiket;kecamatan;desa;dinas;status;ditugaskan;batas;direspon;hasil_sla;menit_respon\r\n");
		DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(this.zone);
		for (DashboardQueries.ExportRow r : this.queries.export(filter)) {
			csv.append(r.ticket()).append(';').append(r.kecamatanCode()).append(';').append(r.desaCode()).append(';')
				.append(r.dinasCode()).append(';').append(r.status()).append(';').append(time.format(r.assignedAt()))
				.append(';').append(time.format(r.dueAt())).append(';')
				.append(r.respondedAt() == null ? "" : time.format(r.respondedAt())).append(';').append(r.outcome())
				.append(';').append(r.responseMinutes() == null ? "" : r.responseMinutes()).append("\r\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("sla-" + filter.from() + "-" + filter.to() + ".csv")
				.build()
				.toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private void prepare(CurrentUser user, String period, LocalDate from, LocalDate to, String kecamatan, String dinas,
			String category, Model model) {
		DashboardFilter filter = filter(user, period, from, to, kecamatan, dinas, category);
		model.addAttribute("filter", filter);
		model.addAttribute("period", from != null || to != null ? "custom"
				: (period == null || !List.of("today", "7d", "month").contains(period) ? "30d" : period));
		DashboardFigures figures = this.queries.figures(filter);
		model.addAttribute("figures", figures);
		DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", java.util.Locale.forLanguageTag("id-ID"));
		model.addAttribute("trendJson", this.json.writeValueAsString(figures.daily()
			.stream()
			.map(d -> Map.of("label", label.format(d.date()), "filed", d.filed(), "onTime", d.onTime(), "breached",
					d.breached()))
			.toList()));
		model.addAttribute("breachBoard", this.queries.breachBoard(filter));
		model.addAttribute("atRiskList", this.queries.atRisk(filter));
		List<KecamatanRef> kecamatanList = this.regions.kecamatan();
		List<DinasRef> dinasList = this.agencies.dinas();
		model.addAttribute("kecamatanList", kecamatanList);
		model.addAttribute("dinasList", dinasList);
		model.addAttribute("categoryNames",
				this.agencies.categories().stream().collect(Collectors.toMap(CategoryRef::code, CategoryRef::name)));
		model.addAttribute("kecamatanNames", kecamatanList.stream().collect(Collectors.toMap(KecamatanRef::code, KecamatanRef::name)));
		model.addAttribute("dinasNames", dinasList.stream().collect(Collectors.toMap(DinasRef::code, DinasRef::name)));
		model.addAttribute("scopeFixed", user.role() == Role.OPERATOR_UPT || user.role() == Role.PETUGAS_DINAS);
	}

	/** The user's scope overrides the filters: a dinas sees only its dinas, an operator only their kecamatan. */
	DashboardFilter filter(CurrentUser user, String period, LocalDate from, LocalDate to, String kecamatan, String dinas,
			String category) {
		LocalDate[] range = DashboardPeriod.resolve(period, from, to, this.clock, this.zone);
		String scopedKecamatan = user.role() == Role.OPERATOR_UPT ? user.kecamatanCode() : blankToNull(kecamatan);
		String scopedDinas = user.role() == Role.PETUGAS_DINAS ? user.dinasCode() : blankToNull(dinas);
		return new DashboardFilter(range[0], range[1], scopedKecamatan, scopedDinas, blankToNull(category));
	}

	private static String number(Double value) {
		return value == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", value);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
