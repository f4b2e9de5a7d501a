package id.ugdkemiskinan.users;

import id.ugdkemiskinan.users.login.PasswordChangeController;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.common.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user whose password is temporary (new account, or reset by the admin) can do nothing
 * but change it: pages redirect to the password form, the API answers 403.
 */
public class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	private final Problems problems;

	public PasswordChangeRequiredFilter(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.mustChangePassword() && !isAllowed(request)) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				this.problems.send(request, response, HttpStatus.FORBIDDEN, "api.passwordChangeRequired");
			}
			else {
				response.sendRedirect(request.getContextPath() + PasswordChangeController.PATH);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isAllowed(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(PasswordChangeController.PATH) || path.equals("/logout") || path.startsWith("/webjars/")
				|| path.startsWith("/static/") || path.equals("/error");
	}

}
