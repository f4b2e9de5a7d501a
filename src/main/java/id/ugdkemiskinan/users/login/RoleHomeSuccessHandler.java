package id.ugdkemiskinan.users.login;

import id.ugdkemiskinan.users.CurrentUser;
import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After login: the password change page when a temporary password must be replaced;
 * otherwise the page the user asked for before logging in, or their role's home.
 */
class RoleHomeSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		CurrentUser user = (CurrentUser) authentication.getPrincipal();
		if (user.mustChangePassword()) {
			clearAuthenticationAttributes(request);
			getRedirectStrategy().sendRedirect(request, response, PasswordChangeController.PATH);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		return ((CurrentUser) authentication.getPrincipal()).role().home();
	}

}
