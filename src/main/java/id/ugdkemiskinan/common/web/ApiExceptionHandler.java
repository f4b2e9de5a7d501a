package id.ugdkemiskinan.common.web;

import id.ugdkemiskinan.common.NotFoundException;
import id.ugdkemiskinan.common.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The API's errors as RFC 9457 problem details (JSON), with the right status and a text
 * in Bahasa Indonesia (English on request, see {@link Problems}); a value that cannot be
 * read names its field in {@code errors: [{field, message}]}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final Problems problems;

	public ApiExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException argument
				&& argument.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return problem(ex, HttpStatus.NOT_FOUND, "api.notFound", null, null, request);
		}
		String field = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
		return problem(ex, HttpStatus.BAD_REQUEST, "param.invalid", new Object[] { field },
				List.of(fieldError(field, message(WebExceptionHandler.typeMismatchKey(ex), null))), request);
	}

	/**
	 * List parameters bound to a record ({@code @ModelAttribute}): a value that cannot be
	 * read, as above.
	 */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		TypeMismatchException mismatch = WebExceptionHandler.typeMismatch(ex);
		if (mismatch != null) {
			return handleTypeMismatch(mismatch, headers, status, request);
		}
		return super.handleMethodArgumentNotValid(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ex, HttpStatus.BAD_REQUEST, "api.validation", null,
				List.of(fieldError(ex.getParameterName(), message("input.missingParameter", ex.getParameterName()))),
				request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = null;
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
				String field = json.getPath()
					.stream()
					.map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
					.collect(Collectors.joining("."));
				String text = cause instanceof DatabindException && cause.getMessage() != null
						&& cause.getMessage().contains(JsonText.REFUSED) ? message("input.badCharacters", null)
								: message("typeMismatch", null);
				errors = List.of(fieldError(field, text));
				break;
			}
		}
		return problem(ex, HttpStatus.BAD_REQUEST, "input.unreadable", null, errors, request);
	}

	/**
	 * Whatever else Spring MVC reports itself (405, 406, 415...) keeps its status, in
	 * Bahasa Indonesia.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && !Boolean.TRUE.equals(request.getAttribute(LOCALIZED, 0))) {
			problem.setDetail(message("error." + ErrorPages.known(statusCode.value()) + ".body", null));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static final String LOCALIZED = ApiExceptionHandler.class.getName() + ".localized";

	private ResponseEntity<Object> problem(Exception ex, HttpStatus status, String key, Object[] args,
			List<Map<String, String>> errors, WebRequest request) {
		ProblemDetail problem = this.problems.of(status, key, args);
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		request.setAttribute(LOCALIZED, Boolean.TRUE, 0);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
	}

	private static Map<String, String> fieldError(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

	private String message(String key, Object arg) {
		return arg == null ? this.problems.message(key) : this.problems.message(key, arg);
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return this.problems.of(HttpStatus.NOT_FOUND, "api.notFound");
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> unavailable(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.body(this.problems.of(HttpStatus.SERVICE_UNAVAILABLE, "api.unavailable"));
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ProblemDetail conflict(ObjectOptimisticLockingFailureException ex) {
		return this.problems.of(HttpStatus.CONFLICT, "api.conflict");
	}

}
