package id.ugdkemiskinan.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's default CSRF handling (a masked token per response, BREACH-safe),
 * except that the token is accepted only from the {@code X-CSRF-TOKEN} header or the form
 * body, never from the query string: a token in a URL ends up in logs, the browser
 * history and {@code Referer} headers. ({@code getParameter} would read it from either
 * place, the query string first.)
 */
final class BodyOrHeaderCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.delegate.handle(request, response, csrfToken);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		if (request.getHeader(csrfToken.getHeaderName()) == null
				&& inQueryString(request.getQueryString(), csrfToken.getParameterName())) {
			return null;
		}
		return this.delegate.resolveCsrfTokenValue(request, csrfToken);
	}

	static boolean inQueryString(String queryString, String parameterName) {
		if (queryString == null || queryString.isEmpty()) {
			return false;
		}
		for (String pair : queryString.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			try {
				if (URLDecoder.decode(name, StandardCharsets.UTF_8).equals(parameterName)) {
					return true;
				}
			}
			catch (IllegalArgumentException ex) {
				// A malformed escape: not our parameter's name; Tomcat decides what to do
				// with it.
			}
		}
		return false;
	}

}
