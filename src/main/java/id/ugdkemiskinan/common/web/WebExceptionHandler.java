package id.ugdkemiskinan.common.web;

import id.ugdkemiskinan.common.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps the pages' exceptions to the error page with the right status: 404 for a missing
 * record (or one outside the user's scope), 400 naming the parameter for a value that
 * cannot be read ({@code page=abc}, {@code status=FOO}, a date of year 0), never a 500
 * for bad input.
 */
@ControllerAdvice(annotations = Controller.class)
public class WebExceptionHandler {

	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
	ModelAndView notFound() {
		return ErrorPages.page(404, null);
	}

	/**
	 * A filter that cannot be read is a bad request; a path that cannot be read names
	 * nothing that exists.
	 */
	@ExceptionHandler(TypeMismatchException.class)
	ModelAndView badParameter(TypeMismatchException ex, HttpServletRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException argument
				&& argument.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return ErrorPages.page(404, null);
		}
		String parameter = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
		ModelAndView page = ErrorPages.page(400, null);
		page.addObject("parameter", parameter);
		page.addObject("messageKey", typeMismatchKey(ex));
		page.addObject("messageArgs", new Object[0]);
		page.addObject("listPath", request.getRequestURI());
		return page;
	}

	/**
	 * A list's filters bound to a record ({@code @ModelAttribute}) with a value that
	 * cannot be read: the same 400 as for a single parameter, naming the first one.
	 */
	@ExceptionHandler(BindException.class)
	ModelAndView unreadableParameters(BindException ex, HttpServletRequest request) {
		TypeMismatchException mismatch = typeMismatch(ex);
		return mismatch != null ? badParameter(mismatch, request) : badRequest("typeMismatch", null);
	}

	/**
	 * The first value of a failed binding that could not be converted to its type, with
	 * the parameter's name.
	 */
	static TypeMismatchException typeMismatch(BindException ex) {
		for (FieldError error : ex.getFieldErrors()) {
			if (error.isBindingFailure() && error.contains(TypeMismatchException.class)) {
				TypeMismatchException mismatch = error.unwrap(TypeMismatchException.class);
				if (mismatch.getPropertyName() == null) {
					mismatch.initPropertyName(error.getField());
				}
				return mismatch;
			}
		}
		return null;
	}

	/**
	 * The message for a value of the parameter's type that cannot be read ("Tanggal tidak
	 * sah ...").
	 */
	static String typeMismatchKey(TypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		if (type == null) {
			return "typeMismatch";
		}
		if (type.isEnum()) {
			return "typeMismatch.option";
		}
		return switch (type.getName()) {
			case "java.time.LocalDate" -> "typeMismatch.java.time.LocalDate";
			case "boolean", "java.lang.Boolean" -> "typeMismatch.boolean";
			case "int", "java.lang.Integer", "long", "java.lang.Long" -> "typeMismatch.int";
			default -> "typeMismatch";
		};
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ModelAndView missingParameter(MissingServletRequestParameterException ex) {
		return badRequest("input.missingParameter", ex.getParameterName());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ModelAndView methodNotSupported() {
		return ErrorPages.page(405, null);
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ModelAndView conflict() {
		return ErrorPages.page(409, null);
	}

	/**
	 * The database is unreachable (restarting, network): a clear "try again shortly"
	 * within the pool's connection timeout (3 s), never a hang or a stack trace.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	ModelAndView unavailable(HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, "10");
		return ErrorPages.page(HttpStatus.SERVICE_UNAVAILABLE.value(), null);
	}

	private static ModelAndView badRequest(String key, String parameter) {
		ModelAndView page = ErrorPages.page(400, null);
		page.addObject("detailKey", key);
		page.addObject("detailArg", parameter == null ? "?" : parameter);
		return page;
	}

}
