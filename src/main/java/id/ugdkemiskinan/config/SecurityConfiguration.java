package id.ugdkemiskinan.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.common.web.DatabaseUnavailableFilter;
import id.ugdkemiskinan.common.Problems;
import id.ugdkemiskinan.users.LoginThrottledException;
import id.ugdkemiskinan.users.PasswordChangeRequiredFilter;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Two filter chains: the stateless JSON API under {@code /api/**} (HTTP Basic, no CSRF,
 * problem details for 401/403, never a login page) and the pages (form login, CSRF,
 * sessions in the database). Every path has an access rule; what is not listed needs a
 * login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * No inline script anywhere; styles, scripts, images and fonts only from this server.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			ApplicationContext application, Problems problems) throws Exception {
		http.securityMatcher("/api/**")
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				// Meta's WhatsApp callbacks: signed (X-Hub-Signature-256), not logged in;
				// no
				// CSRF in this chain.
				.requestMatchers("/api/v1/whatsapp/webhook")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/cases")
				.hasAnyRole("OPERATOR_UPT", "SEKRETARIAT")
				.requestMatchers("/api/v1/assignments", "/api/v1/assignments/**")
				.hasAnyRole("PETUGAS_DINAS", "SEKRETARIAT")
				.requestMatchers(HttpMethod.GET, "/api/v1/dashboard")
				.hasAnyRole("SEKRETARIAT", "PIMPINAN", "PETUGAS_DINAS", "OPERATOR_UPT")
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/assignments", "/api/v1/cases/*/rejection")
				.hasRole("SEKRETARIAT")
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/closure", "/api/v1/cases/*/reopening")
				.hasRole("OPERATOR_UPT")
				.requestMatchers(HttpMethod.GET, "/api/v1/cases", "/api/v1/cases/**")
				.hasAnyRole("OPERATOR_UPT", "PETUGAS_DINAS", "SEKRETARIAT", "PIMPINAN")
				.anyRequest()
				.access(unknownPathsOnly(application)))
			.httpBasic(basic -> basic.authenticationEntryPoint((request, response, ex) -> {
				if (DatabaseUnavailableFilter.isDatabaseUnavailable(ex)) {
					// The account could not be read: the database is down, not the
					// password wrong.
					response.setHeader("Retry-After", "10");
					problem(problems, request, response, HttpStatus.SERVICE_UNAVAILABLE, false, "api.unavailable");
					return;
				}
				if (ex instanceof LoginThrottledException throttled) {
					response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
					problem(problems, request, response, HttpStatus.TOO_MANY_REQUESTS, false, "api.loginThrottled",
							String.valueOf(throttled.retryAfterSeconds()));
					return;
				}
				problem(problems, request, response, HttpStatus.UNAUTHORIZED, true, "api.unauthorized");
			}))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problem(problems, request, response,
						HttpStatus.UNAUTHORIZED, true, "api.unauthorized"))
				.accessDeniedHandler((request, response, ex) -> problem(problems, request, response,
						HttpStatus.FORBIDDEN, false, "api.forbidden")))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(this::headers)
			.addFilterAfter(new PasswordChangeRequiredFilter(problems), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			AuthenticationSuccessHandler loginSuccessHandler, AuthenticationFailureHandler loginFailureHandler,
			ApplicationContext application, Problems problems) throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/error", "/webjars/**", "/static/**", "/favicon.ico", "/actuator/health",
						"/actuator/health/**", "/actuator/info")
				.permitAll()
				// The resident's status page (cases.resident): no login, CSRF as
				// everywhere.
				.requestMatchers("/cek", "/cek/**")
				.permitAll()
				// Registry (residents.eligible, .priority): the eligible list, its BNBA
				// file and the lokus' needs (scope in the queries); the secretariat may
				// look at the lokus prioritas, the admin marks them.
				.requestMatchers(HttpMethod.GET, "/registri/layak", "/registri/layak/bnba.xlsx", "/registri/lokus")
				.hasAnyRole("SEKRETARIAT", "OPERATOR_UPT")
				.requestMatchers(HttpMethod.GET, "/admin/lokus")
				.hasAnyRole("ADMIN", "SEKRETARIAT")
				// The registry's imports of programme and desil lists (issue 18).
				.requestMatchers("/registri/impor", "/registri/impor/**")
				.hasAnyRole("SEKRETARIAT", "ADMIN")
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/triase", "/triase/**")
				.hasRole("SEKRETARIAT")
				// Data correction proposals (issue 18): which ones and who decides
				// is the controller's (secretariat, verval dinas, operator's kecamatan).
				.requestMatchers("/registri/usulan", "/registri/usulan/**")
				.hasAnyRole("SEKRETARIAT", "PETUGAS_DINAS", "OPERATOR_UPT")
				.requestMatchers(HttpMethod.POST, "/penugasan/*/*")
				.hasAnyRole("PETUGAS_DINAS", "SEKRETARIAT")
				.requestMatchers(HttpMethod.POST, "/kasus/*/rute", "/kasus/*/tolak")
				.hasRole("SEKRETARIAT")
				.requestMatchers(HttpMethod.POST, "/kasus/*/tutup", "/kasus/*/buka-kembali")
				.hasRole("OPERATOR_UPT")
				// The filing form, and its resident panel from the registry (issue 18).
				.requestMatchers("/kasus/baru", "/kasus/baru/warga")
				.hasRole("OPERATOR_UPT")
				.requestMatchers(HttpMethod.POST, "/kasus")
				.hasRole("OPERATOR_UPT")
				.requestMatchers(HttpMethod.GET, "/kasus")
				.hasAnyRole("OPERATOR_UPT", "SEKRETARIAT", "PIMPINAN")
				// The resident's receipt: staff who see cases may ask, the controller
				// answers it to the kecamatan's UPT only (404 for everyone else); consent
				// recorded by the UPT, withdrawn by the UPT or the secretariat.
				.requestMatchers(HttpMethod.GET, "/kasus/*/tanda-terima", "/kasus/*/tanda-terima.pdf",
						"/kasus/*/tanda-terima/qr.png")
				.hasAnyRole("OPERATOR_UPT", "PETUGAS_DINAS", "SEKRETARIAT", "PIMPINAN")
				.requestMatchers(HttpMethod.POST, "/kasus/*/tanda-terima/whatsapp", "/kasus/*/persetujuan")
				.hasRole("OPERATOR_UPT")
				.requestMatchers(HttpMethod.POST, "/kasus/*/persetujuan/cabut")
				.hasAnyRole("OPERATOR_UPT", "SEKRETARIAT")
				.requestMatchers(HttpMethod.GET, "/kasus/*", "/kasus/*/lampiran/*")
				.hasAnyRole("OPERATOR_UPT", "PETUGAS_DINAS", "SEKRETARIAT", "PIMPINAN")
				.requestMatchers("/antrian", "/antrian/riwayat", "/antrian/**")
				.hasRole("PETUGAS_DINAS")
				.requestMatchers("/dasbor", "/dasbor/**")
				.hasAnyRole("SEKRETARIAT", "PIMPINAN", "PETUGAS_DINAS", "OPERATOR_UPT")
				// The WhatsApp intake inbox (issue 16): scope checks in its queries.
				.requestMatchers("/pesan-masuk", "/pesan-masuk/**")
				.hasAnyRole("SEKRETARIAT", "OPERATOR_UPT")
				// The registry (issue 18, residents.web): RegistryScope in its queries,
				// 404 out of scope; the leadership and the admin are refused (403).
				.requestMatchers("/warga/*/gabung")
				.hasAnyRole("SEKRETARIAT", "OPERATOR_UPT")
				.requestMatchers(HttpMethod.GET, "/warga", "/warga/**", "/keluarga/*")
				.hasAnyRole("SEKRETARIAT", "OPERATOR_UPT", "PETUGAS_DINAS")
				.requestMatchers("/notifikasi", "/notifikasi/**")
				.hasAnyRole("OPERATOR_UPT", "PETUGAS_DINAS", "SEKRETARIAT", "PIMPINAN")
				.requestMatchers("/", "/akun/**")
				.authenticated()
				.anyRequest()
				.access(unknownPathsOnly(application)))
			.formLogin(form -> form.loginPage("/login")
				.successHandler(loginSuccessHandler)
				.failureHandler(loginFailureHandler)
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.csrf(csrf -> csrf.csrfTokenRequestHandler(new BodyOrHeaderCsrfTokenRequestHandler()))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.exceptionHandling(exceptions -> {
				// An expired session: to login and back (SessionExpiry), never "Akses
				// ditolak".
				SessionExpiry expiry = new SessionExpiry(problems);
				exceptions.authenticationEntryPoint(expiry.entryPoint())
					.accessDeniedHandler(expiry.accessDeniedHandler());
			})
			.headers(this::headers)
			.addFilterAfter(new PasswordChangeRequiredFilter(problems), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * What no rule above lists is denied, unless no handler of the application answers
	 * the path at all: then it passes on to Spring MVC, which answers 404 "Tidak
	 * ditemukan", logged in or not (not a misleading "Akses ditolak" or a login page for
	 * a page that does not exist). A new controller without a rule stays denied.
	 */
	static AuthorizationManager<RequestAuthorizationContext> unknownPathsOnly(ApplicationContext application) {
		// The DispatcherServlet's own handler mappings, in its order, looked up on first
		// use (they are made after the security filter chains).
		Supplier<List<HandlerMapping>> mappings = SingletonSupplier.of(() -> {
			List<HandlerMapping> all = new ArrayList<>(
					BeanFactoryUtils.beansOfTypeIncludingAncestors(application, HandlerMapping.class, true, false)
						.values());
			AnnotationAwareOrderComparator.sort(all);
			return all;
		});
		return (authentication,
				context) -> new AuthorizationDecision(!hasHandler(mappings.get(), context.getRequest()));
	}

	private static boolean hasHandler(List<HandlerMapping> mappings, HttpServletRequest request) {
		Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		ServletRequestPathUtils.parseAndCache(request);
		try {
			for (HandlerMapping mapping : mappings) {
				if (mapping.getHandler(request) != null) {
					return true;
				}
			}
			return false;
		}
		catch (Exception ex) {
			// The path is mapped, but not for this method (or cannot be matched): denied.
			return true;
		}
		finally {
			if (parsed == null) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
			else {
				request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
			}
		}
	}

	private void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions(frame -> frame.deny());
	}

	private static void problem(Problems problems, HttpServletRequest request, HttpServletResponse response,
			HttpStatus status, boolean challenge, String key, Object... args) throws IOException {
		response.setStatus(status.value());
		if (challenge) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"UGD Kemiskinan\", charset=\"UTF-8\"");
		}
		problems.sendWithoutInstance(request, response, status, key, args);
	}

}
