package id.ugdkemiskinan.common.web;

import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.common.Problems;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

/**
 * Unreadable list parameters: 400, as problem details on the API and as a notice on the
 * pages.
 */
final class InvalidParameterHandlers {

	private InvalidParameterHandlers() {
	}

	/**
	 * The API's answer: in Bahasa Indonesia (see {@link Problems}), with the parameter in
	 * {@code errors}.
	 */
	@RestControllerAdvice(annotations = RestController.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Api {

		private final Problems problems;

		Api(Problems problems) {
			this.problems = problems;
		}

		@ExceptionHandler(InvalidParameterException.class)
		ProblemDetail invalidParameter(InvalidParameterException ex) {
			String message = this.problems.message(ex.messageKey(), ex.args());
			ProblemDetail problem = this.problems.of(HttpStatus.BAD_REQUEST, "param.invalid", ex.parameter());
			problem.setProperty("errors", List.of(Map.of("field", ex.parameter(), "message", message)));
			return problem;
		}

	}

	/** The pages' answer: the app's page with what was wrong, in the user's language. */
	@ControllerAdvice(annotations = Controller.class)
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	static class Pages {

		@ExceptionHandler(InvalidParameterException.class)
		ModelAndView invalidParameter(InvalidParameterException ex, HttpServletRequest request) {
			ModelAndView page = ErrorPages.page(400, null);
			page.addObject("parameter", ex.parameter());
			page.addObject("messageKey", ex.messageKey());
			page.addObject("messageArgs", ex.args());
			page.addObject("listPath", request.getRequestURI());
			return page;
		}

	}

}
