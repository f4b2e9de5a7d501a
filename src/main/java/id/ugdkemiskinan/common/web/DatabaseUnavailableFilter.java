package id.ugdkemiskinan.common.web;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The database is unreachable before the request gets to Spring MVC: the session (Spring
 * Session JDBC) cannot be loaded or saved, or login cannot read the account. This filter
 * runs before the session filter and answers 503 "layanan sementara tidak tersedia" (the
 * error/503 page, or a problem detail under {@code /api/}) with {@code Retry-After},
 * instead of a 500 with a stack trace. What Spring MVC handles itself goes through
 * {@link WebExceptionHandler} and {@link ApiExceptionHandler}.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "10";

	/** The message key of the API's detail. */
	static final String API_DETAIL = "api.unavailable";

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final OutsideMvc answers;

	public DatabaseUnavailableFilter(ITemplateEngine templates, LocaleResolver locales,
			ApplicationContext application) {
		this.answers = new OutsideMvc(templates, locales, application);
	}

	/**
	 * Whether this failure, or one of its causes, says the database cannot be reached.
	 */
	public static boolean isDatabaseUnavailable(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLTransientConnectionException) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException | IOException ex) {
			if (!isDatabaseUnavailable(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable, answering 503 for {} {}: {}", request.getMethod(), request.getRequestURI(),
					ex.getMessage());
			answerUnavailable(request, response);
		}
	}

	/**
	 * Writes the 503 answer: the problem detail for the API, the error page for
	 * everything else.
	 */
	public void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.reset();
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		if (OutsideMvc.isApi(request)) {
			this.answers.problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, API_DETAIL);
			return;
		}
		this.answers.page(request, response, HttpStatus.SERVICE_UNAVAILABLE);
	}

}
