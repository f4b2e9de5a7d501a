package id.ugdkemiskinan.users.login;

import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.LoginThrottledException;
import id.ugdkemiskinan.users.account.PasswordPolicy;
import id.ugdkemiskinan.users.account.Usernames;
import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password authentication for the login form and the API's HTTP Basic, with the throttle
 * of {@link LoginThrottle}: a source held back for a user name is refused before the
 * password is even checked. A disabled account reads as wrong credentials, so nobody
 * learns from a wrong password that an account exists; so does a user name too long to
 * name any account (and a password bcrypt cannot check).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AccountUserDetailsService accounts, PasswordEncoder encoder,
			LoginThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String typed = Usernames.normalize(authentication.getName());
		String username = (typed.length() <= LoginThrottle.MAX_KEY_LENGTH) ? typed : null;
		String source = source(authentication);
		Duration wait = this.throttle.waitBefore(username, source);
		if (!wait.isZero()) {
			throw new LoginThrottledException(wait);
		}
		Authentication result;
		try {
			if (username == null || !checkable(authentication.getCredentials())) {
				throw new BadCredentialsException("bad credentials");
			}
			result = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException | DisabledException ex) {
			Duration next = this.throttle.recordFailure(username, source);
			if (!next.isZero()) {
				throw new LoginThrottledException(next);
			}
			throw new BadCredentialsException("bad credentials", ex);
		}
		this.throttle.recordSuccess(username, source);
		CurrentUser user = ((CurrentUser) result.getPrincipal()).withoutPassword();
		UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(user,
				null, user.getAuthorities());
		authenticated.setDetails(authentication.getDetails());
		return authenticated;
	}

	/**
	 * bcrypt refuses to check a password over 72 bytes; no stored password is that long
	 * (see {@link PasswordPolicy}).
	 */
	private static boolean checkable(Object credentials) {
		return credentials instanceof String password
				&& password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= PasswordPolicy.MAX_BYTES;
	}

	/**
	 * The client's address: after a trusted proxy's {@code X-Forwarded-For} once forward
	 * headers are on.
	 */
	private static String source(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
