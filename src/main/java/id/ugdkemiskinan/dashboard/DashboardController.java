package id.ugdkemiskinan.dashboard;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.users.CurrentUser;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.ModelAndView;

/**
 * The SLA dashboard (/dasbor): the leadership and the secretariat see everything, dinas
 * staff their dinas, operators their kecamatan. Filters live in the URL
 * ({@link DashboardFilters} checks them: a refused filter answers 400 with the form and
 * its messages); the body refreshes itself every {@code ugd.dashboard.refresh-interval}
 * (htmx asks {@code /dasbor} again, and gets the figures alone); the exports stream
 * ({@link DashboardExports}).
 */
@Controller
class DashboardController {

	static final String XLSX = DashboardExports.XLSX;

	private final DashboardPage page;

	private final DashboardExports exports;

	DashboardController(DashboardPage page, DashboardExports exports) {
		this.page = page;
		this.exports = exports;
	}

	/**
	 * The whole page; to htmx ({@code HX-Request: true}, the self-refresh) the figures
	 * only, without the layout.
	 */
	@GetMapping("/dasbor")
	String showDashboard(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") DashboardInput input,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		boolean refresh = "true".equals(htmx);
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		if (!this.page.prepare(user, input, model.asMap())) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return refresh ? "dashboard/dashboard :: invalidFilters" : "dashboard/dashboard";
		}
		return refresh ? "dashboard/dashboard :: dashboardBody" : "dashboard/dashboard";
	}

	@GetMapping("/dasbor/ekspor.csv")
	void exportCsv(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") DashboardInput input,
			HttpServletResponse response) throws IOException {
		stream(this.exports.csv(user, input), response);
	}

	@GetMapping("/dasbor/ekspor.xlsx")
	void exportXlsx(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") DashboardInput input,
			HttpServletResponse response) throws IOException {
		stream(this.exports.xlsx(user, input), response);
	}

	/**
	 * An export asked for a filter the dashboard refuses: the page with the form and the
	 * messages, 400.
	 */
	@ExceptionHandler(InvalidDashboardFilterException.class)
	ModelAndView refused(InvalidDashboardFilterException ex) {
		CurrentUser user = SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof CurrentUser current
						? current : null;
		return new ModelAndView("dashboard/dashboard", this.page.refused(ex, user), HttpStatus.BAD_REQUEST);
	}

	private static void stream(DashboardExports.Export export, HttpServletResponse response) throws IOException {
		response.setContentType(export.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, export.contentDisposition());
		// Commit the response (and with it the session) before the rows' read-only
		// transaction opens.
		response.flushBuffer();
		export.writeTo(response.getOutputStream());
	}

}
