package id.ugdkemiskinan.users;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password authentication for the login form and the API's HTTP Basic, with the lockout of
 * {@link LoginThrottle}: a locked user name is refused before its password is even checked.
 * A disabled account reads as wrong credentials, so nobody learns from a wrong password that an
 * account exists.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AccountUserDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		if (this.throttle.isLocked(username)) {
			throw new LockedException("locked");
		}
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException | DisabledException ex) {
			if (this.throttle.recordFailure(username)) {
				throw new LockedException("locked", ex);
			}
			throw new BadCredentialsException("bad credentials", ex);
		}
		this.throttle.recordSuccess(username);
		CurrentUser user = ((CurrentUser) result.getPrincipal()).withoutPassword();
		UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(user,
				null, user.getAuthorities());
		authenticated.setDetails(authentication.getDetails());
		return authenticated;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
