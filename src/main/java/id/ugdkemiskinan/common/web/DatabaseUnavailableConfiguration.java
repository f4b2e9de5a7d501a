package id.ugdkemiskinan.common.web;

import jakarta.servlet.DispatcherType;
import org.thymeleaf.ITemplateEngine;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Puts {@link InputSanityFilter} and {@link DatabaseUnavailableFilter} in front of the
 * session filter, and {@link UploadLimitFilter} right after it (before Spring Security,
 * whose CSRF check is the first to read a form's body).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableConfiguration {

	@Bean
	DatabaseUnavailableFilter databaseUnavailableFilter(ITemplateEngine templates, LocaleResolver localeResolver,
			ApplicationContext application) {
		return new DatabaseUnavailableFilter(templates, localeResolver, application);
	}

	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilterRegistration(
			DatabaseUnavailableFilter filter) {
		FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	FilterRegistrationBean<InputSanityFilter> inputSanityFilterRegistration() {
		FilterRegistrationBean<InputSanityFilter> registration = new FilterRegistrationBean<>(new InputSanityFilter());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 2);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	UploadLimitFilter uploadLimitFilter(ITemplateEngine templates, LocaleResolver localeResolver,
			ApplicationContext application) {
		return new UploadLimitFilter(templates, localeResolver, application);
	}

	@Bean
	FilterRegistrationBean<UploadLimitFilter> uploadLimitFilterRegistration(UploadLimitFilter filter) {
		FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

}
