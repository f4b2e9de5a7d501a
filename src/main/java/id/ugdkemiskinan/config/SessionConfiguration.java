package id.ugdkemiskinan.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC, {@code spring_session} tables), so any
 * instance behind the load balancer serves any user; idle timeout from
 * {@code server.servlet.session.timeout} (30 minutes). The cookie is set here once, for the
 * embedded server and tests alike.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	static final String COOKIE_NAME = "UGDSESSION";

	@Bean
	CookieSerializer sessionCookieSerializer() {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(COOKIE_NAME);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		return serializer;
	}

	/**
	 * Session attributes are upserted ({@code INSERT ... ON CONFLICT DO UPDATE}): two requests of one
	 * session at once (a double submit, two tabs) both add the flash message after a filing, and
	 * the plain INSERT let the second fail with a duplicate key, a 500 after its case was filed.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
