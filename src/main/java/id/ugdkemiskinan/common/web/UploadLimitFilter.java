package id.ugdkemiskinan.common.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A multipart body over the server's limits ({@code spring.servlet.multipart.*}, far
 * above the app's own 5 × 5 MB, which the forms check and answer with a field message):
 * the app's own 413 page in Bahasa Indonesia (problem JSON on {@code /api/**}), before
 * anything else reads the body. Otherwise the first reader is the CSRF check, whose
 * failure to read the parameters ends in Tomcat's English 413 page (the error page cannot
 * read them either).
 */
public class UploadLimitFilter extends OncePerRequestFilter {

	/** The message key of the API's detail. */
	static final String DETAIL = "api.tooLarge";

	private static final Logger log = LoggerFactory.getLogger(UploadLimitFilter.class);

	private final OutsideMvc answers;

	public UploadLimitFilter(ITemplateEngine templates, LocaleResolver locales, ApplicationContext application) {
		this.answers = new OutsideMvc(templates, locales, application);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			try {
				request.getParts();
			}
			catch (IllegalStateException | ServletException | IOException ex) {
				if (!isTooLarge(ex)) {
					throw ex;
				}
				log.info("Upload over the server's limit refused with 413: {} {} ({} bytes)", request.getMethod(),
						request.getRequestURI(), request.getContentLengthLong());
				answerTooLarge(request, response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean isTooLarge(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			// Tomcat's FileSizeLimitExceededException and SizeLimitExceededException
			// (both SizeException).
			if (t.getClass().getSimpleName().endsWith("SizeLimitExceededException")
					|| t.getClass().getSimpleName().equals("SizeException")) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private void answerTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.reset();
		// Tomcat reads (swallows) the rest of the body up to
		// server.tomcat.max-swallow-size, so that the browser gets to see this answer
		// instead of a reset connection.
		if (OutsideMvc.isApi(request)) {
			this.answers.problem(request, response, HttpStatus.CONTENT_TOO_LARGE, DETAIL);
			return;
		}
		this.answers.page(request, response, HttpStatus.CONTENT_TOO_LARGE);
	}

}
