package id.ugdkemiskinan.common;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps domain exceptions of the pages to error pages with the right status; never a 500 for a missing record. */
@ControllerAdvice(annotations = Controller.class)
class WebExceptionHandler {

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class,
			NoResourceFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict() {
		return "error/409";
	}

	/**
	 * The database is unreachable (restarting, network): a clear "try again shortly" within the
	 * pool's connection timeout (3 s), never a hang or a stack trace.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String unavailable(HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, "10");
		return "error/503";
	}

}
