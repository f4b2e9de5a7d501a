package id.ugdkemiskinan.common.web;

import id.ugdkemiskinan.common.TextInput;
import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, request parameters (query string and form fields,
 * files excepted) that hold text the application does not accept ({@link TextInput}): a
 * NUL byte in a filter, a control character in a form field. The answer is 400, rendered
 * by {@link ErrorPages}: the app's page naming the field, or a problem detail with
 * {@code errors} under {@code /api/}.
 */
class InputSanityFilter extends OncePerRequestFilter {

	/** The request attribute that names the refused parameter for the error page. */
	static final String REFUSED_FIELD = InputSanityFilter.class.getName() + ".field";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String refused = refusedParameter(request);
		if (refused != null) {
			request.setAttribute(REFUSED_FIELD, refused);
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

	private static String refusedParameter(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException ex) {
			// An unreadable body (too large, cut off): left to the multipart handling
			// further on.
			return null;
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (!TextInput.isClean(parameter.getKey())) {
				return "?";
			}
			for (String value : parameter.getValue()) {
				if (!TextInput.isClean(value)) {
					return parameter.getKey();
				}
			}
		}
		return null;
	}

}
