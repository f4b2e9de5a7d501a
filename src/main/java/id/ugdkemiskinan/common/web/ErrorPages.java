package id.ugdkemiskinan.common.web;

import id.ugdkemiskinan.common.Problems;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that Spring MVC's own handlers did not answer (Tomcat's, the security
 * firewall's, a filter's {@code sendError}, an unhandled exception) ends here: a problem
 * detail (RFC 9457) in Bahasa Indonesia under {@code /api/}, the app's own error page
 * everywhere else. Replaces Spring Boot's default error controller, so neither Boot's
 * JSON nor Tomcat's page reaches a user.
 */
@Controller
class ErrorPages implements ErrorController {

	/**
	 * Statuses with their own title and text in the messages; any other shows as its
	 * class (4xx, 5xx).
	 */
	static final Set<Integer> KNOWN = Set.of(400, 403, 404, 405, 409, 413, 500, 503);

	private final Problems problems;

	ErrorPages(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response) {
		int status = status(request);
		if (!isApi(request)) {
			response.setStatus(status);
			return page(status, (String) request.getAttribute(InputSanityFilter.REFUSED_FIELD));
		}
		ProblemDetail problem = this.problems.of(HttpStatus.valueOf(status), "error." + known(status) + ".body");
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			problem.setInstance(java.net.URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "")));
		}
		String field = (String) request.getAttribute(InputSanityFilter.REFUSED_FIELD);
		if (field != null) {
			problem.setDetail(this.problems.message("input.badCharacters.detail"));
			problem.setProperty("errors",
					List.of(Map.of("field", field, "message", this.problems.message("input.badCharacters"))));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * The error page of the shared layout (error/error.html, the one error template: its
	 * texts by status), for MVC's own exception handlers too.
	 */
	static ModelAndView page(int status, String refusedField) {
		ModelAndView page = new ModelAndView("error/error");
		page.setStatus(HttpStatus.valueOf(status));
		page.addObject("status", known(status));
		if (refusedField != null) {
			page.addObject("refusedField", refusedField);
		}
		return page;
	}

	static String known(int status) {
		if (KNOWN.contains(status)) {
			return String.valueOf(status);
		}
		return status >= 500 ? "500" : "400";
	}

	private static int status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value && value >= 400 && value <= 599) {
			return value;
		}
		return 500;
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri instanceof String value ? value : request.getRequestURI();
		return path.startsWith(request.getContextPath() + "/api/");
	}

}
