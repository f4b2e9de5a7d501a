package id.ugdkemiskinan.residents.eligible;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.common.Pager;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.region.DesaRef;
import id.ugdkemiskinan.region.Regions;
import id.ugdkemiskinan.residents.registry.AccessLog;
import id.ugdkemiskinan.residents.registry.RegistryScope;
import id.ugdkemiskinan.users.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Layak belum dibantu" ({@code /registri/layak}) for the secretariat (any kecamatan,
 * chosen first) and an operator (their kecamatan only): a summary per desa and the
 * households, vulnerable first, paged; and the BNBA file of one desa
 * ({@code /registri/layak/bnba.xlsx}). Every view and export is written to the registry's
 * access log.
 */
@Controller
class EligibleController {

	static final String PATH = "/registri/layak";

	static final int PAGE_SIZE = 25;

	private final EligibleQueries queries;

	private final BnbaWorkbook bnba;

	private final Regions regions;

	private final Agencies agencies;

	private final AccessLog accessLog;

	EligibleController(EligibleQueries queries, BnbaWorkbook bnba, Regions regions, Agencies agencies,
			AccessLog accessLog) {
		this.queries = queries;
		this.bnba = bnba;
		this.regions = regions;
		this.agencies = agencies;
		this.accessLog = accessLog;
	}

	@GetMapping(PATH)
	String showEligible(@RequestParam(required = false) @Nullable String kecamatan,
			@RequestParam(required = false) @Nullable String desa,
			@RequestParam(required = false) @Nullable String page, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request, Model model) {
		RegistryScope scope = RegistryScope.of(user);
		EligiblePlace place = EligiblePlace.of(scope, this.regions, kecamatan, desa);
		Paging paging = Paging.parse(page, PAGE_SIZE);
		model.addAttribute("place", place);
		model.addAttribute("kecamatanFixed", !scope.seesEverything());
		model.addAttribute("kecamatanList", this.regions.kecamatan());
		if (place.kecamatan() == null) {
			model.addAttribute("criteria", this.queries.criteria("", null));
			return "residents/eligible";
		}
		List<DesaRef> desaList = this.regions.desaIn(place.kecamatan().code());
		Map<String, String> desaNames = desaList.stream().collect(Collectors.toMap(DesaRef::code, DesaRef::name));
		EligibleQueries.Criteria all = this.queries.criteria(place.kecamatan().code(), null);
		List<EligibleQueries.DesaCount> summary = this.queries.desaSummary(scope, all);
		EligibleQueries.Criteria criteria = (place.desa() == null) ? all
				: this.queries.criteria(place.kecamatan().code(), place.desa().code());
		long total = summary.stream()
			.filter(s -> place.desa() == null || s.desaCode().equals(place.desa().code()))
			.mapToLong(EligibleQueries.DesaCount::eligible)
			.sum();
		List<EligibleQueries.Row> rows = this.queries.page(scope, criteria, paging.offset(), PAGE_SIZE);
		this.accessLog.record(user.id(), AccessLog.RecordType.HOUSEHOLD, null, pageOf(request));
		model.addAttribute("desaList", desaList);
		model.addAttribute("desaNames", desaNames);
		model.addAttribute("summary", summary);
		model.addAttribute("summaryTotal", summary.stream().mapToLong(EligibleQueries.DesaCount::eligible).sum());
		model.addAttribute("summaryVulnerable",
				summary.stream().mapToLong(EligibleQueries.DesaCount::vulnerable).sum());
		model.addAttribute("criteria", criteria);
		model.addAttribute("rows", rows);
		model.addAttribute("interventionNames", this.agencies.interventionNames());
		model.addAttribute("pager", Pager.of(request, paging, rows.size(), Math.min(total, Pager.COUNT_CAP + 1L)));
		return "residents/eligible";
	}

	/**
	 * The BNBA list of one desa (XLSX, streamed): one row per member of every eligible
	 * household, with the full NIK (it is the desa's working list for the musdes and
	 * SIKS-NG), never a reporter.
	 */
	@GetMapping(PATH + "/bnba.xlsx")
	void exportBnba(@RequestParam(required = false) @Nullable String kecamatan,
			@RequestParam(required = false) @Nullable String desa, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		RegistryScope scope = RegistryScope.of(user);
		EligiblePlace place = EligiblePlace.of(scope, this.regions, kecamatan, desa);
		if (place.kecamatan() == null) {
			throw new InvalidParameterException("kecamatan", "elig.param.kecamatanRequired");
		}
		if (place.desa() == null) {
			throw new InvalidParameterException("desa", "elig.param.desaRequired");
		}
		EligibleQueries.Criteria criteria = this.queries.criteria(place.kecamatan().code(), place.desa().code());
		this.accessLog.record(user.id(), AccessLog.RecordType.EXPORT, null, pageOf(request));
		response.setContentType(BnbaWorkbook.XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(fileName(place.desa().name(), criteria.today()), StandardCharsets.UTF_8)
					.build()
					.toString());
		// Commit the answer (and with it the session) before the rows' read-only
		// transaction opens.
		response.flushBuffer();
		this.bnba.write(response.getOutputStream(), scope, criteria, place.kecamatan().name(), place.desa().name());
	}

	/**
	 * {@code BNBA-<desa>-<date>.xlsx}, the desa's name without characters a file cannot
	 * hold.
	 */
	static String fileName(String desaName, LocalDate day) {
		String desa = desaName.replaceAll("[^\\p{L}\\p{N} .-]", "").strip();
		return "BNBA-" + desa + "-" + day + ".xlsx";
	}

	private static String pageOf(HttpServletRequest request) {
		return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
	}

}
