package id.ugdkemiskinan.common.web;

import id.ugdkemiskinan.common.Problems;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;

/**
 * A path that no handler answers (which the security rules let through for that reason):
 * 404, as the error page or, under {@code /api/}, as a problem detail. Global on purpose:
 * with no handler there is no controller type for the other advices to match.
 */
@ControllerAdvice
class UnknownPathHandler {

	private final Problems problems;

	UnknownPathHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(NoHandlerFoundException.class)
	Object notFound(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(this.problems.of(HttpStatus.NOT_FOUND, "api.notFound"));
		}
		return ErrorPages.page(404, null);
	}

}
