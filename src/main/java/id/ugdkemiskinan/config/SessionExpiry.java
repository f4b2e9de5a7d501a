package id.ugdkemiskinan.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.common.Problems;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What the pages do when the session is gone (idle timeout, a restart that lost it,
 * logout in another tab): never "Akses ditolak". A form posted with an expired session
 * fails the CSRF check (the token lived in the session); that is answered with the login
 * page ({@code /login?expired}), and the page to come back to is saved, so that login
 * leads there: the filing form for the filing form's post (where the browser has kept the
 * draft), the page the post came from otherwise. An htmx request (the dashboard's
 * refresh) is answered with {@code HX-Redirect} instead of a redirect whose login page
 * htmx would paste into the page; login then leads back to the whole page
 * ({@code HX-Current-URL}), not to the fragment.
 */
final class SessionExpiry {

	static final String LOGIN_EXPIRED = "/login?expired";

	static final RequestMatcher HTMX = new RequestHeaderRequestMatcher("HX-Request", "true");

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final RequestCache requestCache = new HttpSessionRequestCache();

	private final AccessDeniedHandler denied = new AccessDeniedHandlerImpl();

	private final AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

	private final Problems problems;

	SessionExpiry(Problems problems) {
		this.problems = problems;
	}

	/**
	 * For requests that need a login and have none: htmx gets {@code HX-Redirect} (401),
	 * pages the usual login redirect.
	 */
	AuthenticationEntryPoint entryPoint() {
		return (request, response, ex) -> {
			if (HTMX.matches(request)) {
				htmxToLogin(request, response);
			}
			else {
				this.login.commence(request, response, ex);
			}
		};
	}

	/**
	 * A CSRF failure without a logged-in user is an expired session: to login, and back
	 * after it.
	 */
	AccessDeniedHandler accessDeniedHandler() {
		return (request, response, ex) -> {
			if (isExpiredSession(request, ex)) {
				if (HTMX.matches(request)) {
					htmxToLogin(request, response);
					return;
				}
				String target = returnTarget(request);
				if (target != null) {
					save(request, response, target);
				}
				response.sendRedirect(request.getContextPath() + LOGIN_EXPIRED);
				return;
			}
			this.denied.handle(request, response, ex);
		};
	}

	private void htmxToLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String page = samePath(request.getHeader("HX-Current-URL"));
		if (page != null) {
			save(request, response, page);
		}
		else {
			// Not the fragment the request asked for: without the page, login leads home.
			this.requestCache.removeRequest(request, response);
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("HX-Redirect", request.getContextPath() + LOGIN_EXPIRED);
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(this.problems.message("session.expired.short"));
	}

	/**
	 * The CSRF check failed because the session that held the token is gone: the browser
	 * named a session that no longer exists, and nobody is logged in. (A post naming no
	 * session at all, or a wrong token in a live session, stays a plain 403.)
	 */
	private static boolean isExpiredSession(HttpServletRequest request, AccessDeniedException ex) {
		if (!(ex instanceof MissingCsrfTokenException || ex instanceof InvalidCsrfTokenException)) {
			return false;
		}
		if (request.getRequestedSessionId() == null || request.isRequestedSessionIdValid()) {
			return false;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || TRUST.isAnonymous(authentication) || !authentication.isAuthenticated();
	}

	/**
	 * Where the user was: the filing form for its post, the page a post came from
	 * otherwise.
	 */
	private static String returnTarget(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("POST".equals(request.getMethod()) && "/kasus".equals(path)) {
			return "/kasus/baru";
		}
		if ("GET".equals(request.getMethod())) {
			return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
		}
		String referer = samePath(request.getHeader("Referer"));
		return referer == null || referer.startsWith("/login") ? null : referer;
	}

	/**
	 * The path and query of a URL of this site, or {@code null}: never a way to another
	 * site.
	 */
	private static String samePath(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(url);
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//")) {
				return null;
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private void save(HttpServletRequest request, HttpServletResponse response, String pathAndQuery) {
		this.requestCache.saveRequest(new TargetRequest(request, pathAndQuery), response);
	}

	/**
	 * The current request seen as a plain GET of another page of this site, to be saved
	 * as login's target.
	 */
	private static final class TargetRequest extends HttpServletRequestWrapper {

		private final String path;

		private final String query;

		TargetRequest(HttpServletRequest request, String pathAndQuery) {
			super(request);
			int at = pathAndQuery.indexOf('?');
			this.path = at < 0 ? pathAndQuery : pathAndQuery.substring(0, at);
			this.query = at < 0 ? null : pathAndQuery.substring(at + 1);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + this.path;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
			int port = getServerPort();
			if (!("http".equals(getScheme()) && port == 80) && !("https".equals(getScheme()) && port == 443)) {
				url.append(':').append(port);
			}
			return url.append(getRequestURI());
		}

		@Override
		public String getServletPath() {
			return this.path;
		}

		@Override
		public String getPathInfo() {
			return null;
		}

		@Override
		public String getQueryString() {
			return this.query;
		}

		// A GET has no body: none of the post's body headers (a multipart Content-Type
		// would make the saved request's replay look like an upload), and no htmx headers
		// (the page, not a fragment).
		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public int getContentLength() {
			return -1;
		}

		@Override
		public long getContentLengthLong() {
			return -1;
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections
				.enumeration(Collections.list(super.getHeaderNames()).stream().filter(name -> !dropped(name)).toList());
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return dropped(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public String getHeader(String name) {
			return dropped(name) ? null : super.getHeader(name);
		}

		private static boolean dropped(String name) {
			String lower = name.toLowerCase(Locale.ROOT);
			return lower.startsWith("content-") || lower.startsWith("hx-") || lower.equals("transfer-encoding")
					|| lower.equals("origin") || lower.equals("referer");
		}

		// What was typed into a posted form stays out of the session.
		@Override
		public Map<String, String[]> getParameterMap() {
			return Collections.emptyMap();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

	}

}
