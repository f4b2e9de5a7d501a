package id.ugdkemiskinan.users.login;

import id.ugdkemiskinan.users.LoginThrottledException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * How people log in: the password encoder, the throttled authentication and where login
 * leads.
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

	/**
	 * Delegating encoder: bcrypt today, and old hashes keep working if the default ever
	 * changes.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService accounts, PasswordEncoder encoder,
			LoginThrottle throttle) {
		return new ProviderManager(new ThrottledAuthenticationProvider(accounts, encoder, throttle));
	}

	@Bean
	AuthenticationSuccessHandler loginSuccessHandler() {
		return new RoleHomeSuccessHandler();
	}

	/**
	 * Two answers only: wrong credentials, or held back for so many seconds; neither
	 * tells whether the account exists.
	 */
	@Bean
	AuthenticationFailureHandler loginFailureHandler() {
		return (request, response, exception) -> {
			String target = (exception instanceof LoginThrottledException throttled)
					? "/login?locked=" + throttled.retryAfterSeconds() : "/login?error";
			new SimpleUrlAuthenticationFailureHandler(target).onAuthenticationFailure(request, response, exception);
		};
	}

}
