package id.ugdkemiskinan.common.web;

import id.ugdkemiskinan.common.Problems;
import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the server's own multipart limits (far above the app's 5 × 5 MB, which
 * the forms check themselves and answer with a field message): the app's 413 page in
 * Bahasa Indonesia, or problem JSON on {@code /api/**} — never Tomcat's English page. No
 * selector on purpose: the body is read before a handler is chosen, so no controller is
 * known yet.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitHandler {

	private final Problems problems;

	UploadLimitHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		if (OutsideMvc.isApi(request)) {
			this.problems.send(request, response, HttpStatus.CONTENT_TOO_LARGE, UploadLimitFilter.DETAIL);
			return new ModelAndView();
		}
		return ErrorPages.page(413, null);
	}

}
