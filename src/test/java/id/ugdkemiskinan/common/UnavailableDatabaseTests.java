package id.ugdkemiskinan.common;

import id.ugdkemiskinan.common.web.ApiExceptionHandler;
import id.ugdkemiskinan.common.web.DatabaseUnavailableFilter;
import id.ugdkemiskinan.common.web.WebExceptionHandler;
import jakarta.servlet.Filter;
import id.ugdkemiskinan.region.Kabupaten;
import org.junit.jupiter.api.Test;
import org.thymeleaf.extras.springsecurity6.dialect.SpringSecurityDialect;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Controller;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * A database that cannot be reached answers 503 with "try again", not a 500 with a stack
 * trace.
 */
class UnavailableDatabaseTests {

	@Controller
	static class PageWithoutDatabase {

		@GetMapping("/halaman")
		String page() {
			throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction");
		}

	}

	@RestController
	static class ApiWithoutDatabase {

		@GetMapping("/api/v1/sesuatu")
		String api() {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
		}

	}

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PageWithoutDatabase(), new ApiWithoutDatabase())
		.setControllerAdvice(
				new ApiExceptionHandler(new Problems(messages(), new FixedLocaleResolver(Locales.INDONESIAN))),
				new WebExceptionHandler())
		.build();

	@Test
	void pagesAnswer503WithTheUnavailablePage() throws Exception {
		this.mvc.perform(get("/halaman"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "10"))
			.andExpect(view().name("error/error"));
	}

	@Test
	void theApiAnswers503AsProblemDetails() throws Exception {
		this.mvc.perform(get("/api/v1/sesuatu").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value(503))
			.andExpect(jsonPath("$.detail").value("Layanan sementara tidak tersedia. Coba lagi dalam beberapa saat."));
	}

	/**
	 * Spring Session JDBC loads the session before Spring MVC: without a database it
	 * throws there.
	 */
	private static final Filter SESSION_FILTER_WITHOUT_DATABASE = (request, response, chain) -> {
		throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
	};

	private final MockMvc mvcBehindSessions = MockMvcBuilders
		.standaloneSetup(new PageWithoutDatabase(), new ApiWithoutDatabase())
		.addFilters(new DatabaseUnavailableFilter(templateEngine(), new FixedLocaleResolver(Locales.INDONESIAN),
				application()), SESSION_FILTER_WITHOUT_DATABASE)
		.build();

	@Test
	void pagesAnswer503WhenTheSessionCannotBeLoaded() throws Exception {
		this.mvcBehindSessions.perform(post("/kasus"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "10"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Layanan sementara tidak tersedia")))
			.andExpect(content().string(containsString("Kabupaten Banyuwangi")));
	}

	@Test
	void theApiAnswers503ProblemDetailsWhenTheDatabaseFailsBeforeMvc() throws Exception {
		this.mvcBehindSessions.perform(get("/api/v1/cases"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "10"))
			.andExpect(jsonPath("$.status").value(503))
			.andExpect(jsonPath("$.detail").value("Layanan sementara tidak tersedia. Coba lagi dalam beberapa saat."));
	}

	@Test
	void otherFailuresBeforeMvcAreNotTurnedInto503() {
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new PageWithoutDatabase())
			.addFilters(new DatabaseUnavailableFilter(templateEngine(), new FixedLocaleResolver(), application()),
					(Filter) (request, response, chain) -> {
						throw new IllegalStateException("a bug");
					})
			.build();
		org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> mvc.perform(get("/halaman")));
	}

	/**
	 * The beans the layout reads when no controller filled the model (the filter runs
	 * before MVC).
	 */
	private static ApplicationContext application() {
		StaticApplicationContext application = new StaticApplicationContext();
		application.getBeanFactory().registerSingleton("kabupaten", new Kabupaten("35.10", "Kabupaten Banyuwangi"));
		application.getBeanFactory().registerSingleton("demoMode", new DemoMode(true, false));
		application.refresh();
		application.getStaticMessageSource().setParentMessageSource(messages());
		return application;
	}

	private static SpringTemplateEngine templateEngine() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages());
		engine.addDialect(new SpringSecurityDialect());
		return engine;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
