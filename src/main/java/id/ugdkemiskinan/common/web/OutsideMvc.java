package id.ugdkemiskinan.common.web;

import id.ugdkemiskinan.common.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The answers written where Spring MVC's handlers are not (servlet filters, Spring
 * Security's entry points and handlers): an RFC 9457 problem detail, or the app's error
 * page. One place, so that a 403 from a filter reads like a 403 from a controller.
 */
public final class OutsideMvc {

	private final ITemplateEngine templates;

	private final LocaleResolver locales;

	private final ApplicationContext application;

	private final Problems problems;

	public OutsideMvc(ITemplateEngine templates, LocaleResolver locales, ApplicationContext application) {
		this.templates = templates;
		this.locales = locales;
		this.application = application;
		this.problems = new Problems(application, locales);
	}

	/** Whether the request is one of the JSON API's, which answers problem details. */
	public static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/**
	 * Writes the problem detail for the status and message key (see
	 * {@link Problems#send}).
	 */
	public void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
			Object... args) throws IOException {
		this.problems.send(request, response, status, key, args);
	}

	/**
	 * Renders the app's error page for the status (error/error.html with the shared
	 * layout).
	 */
	public void page(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), this.locales.resolveLocale(request));
		// Outside Spring MVC: give the template its bean references (@kabupaten,
		// @formats) as MVC would.
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.application, null));
		context.setVariable("status", ErrorPages.known(status.value()));
		this.templates.process("error/error", context, response.getWriter());
	}

}
