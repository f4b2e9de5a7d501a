package id.ugdkemiskinan.config;

import java.text.ParseException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.ugdkemiskinan.common.Locales;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Bahasa Indonesia by default; {@code ?lang=en} switches to English and is remembered in
 * a cookie (any other value is ignored). Dates in filters and forms are read strictly.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale INDONESIAN = Locales.INDONESIAN;

	static final Set<String> LANGUAGES = Set.of("id", "en");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("ugd-lang") {

			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				Locale locale = super.resolveLocale(request);
				// A forged cookie never picks a language the app does not speak.
				return LANGUAGES.contains(locale.getLanguage()) ? locale : INDONESIAN;
			}

		};
		resolver.setDefaultLocale(INDONESIAN);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws jakarta.servlet.ServletException {
				String value = request.getParameter(getParamName());
				// Only the two languages the app speaks; anything else (and any attempt
				// at log forging through it) is ignored, not an error.
				if (value == null || LANGUAGES.contains(value)) {
					return super.preHandle(request, response, handler);
				}
				return true;
			}

		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/** Browsers ask for /favicon.ico at the root whatever the page says. */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/favicon.ico")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
	}

	/**
	 * {@code @DateTimeFormat(iso = DATE)} dates are read as exactly four-digit years from
	 * 0001 to 9999: year 0, a negative year or a five-digit one is a bad value (400),
	 * never a date that PostgreSQL refuses later (500).
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldAnnotation(new StrictIsoDates());
	}

	static final class StrictIsoDates implements AnnotationFormatterFactory<DateTimeFormat> {

		private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
			.withResolverStyle(ResolverStyle.STRICT);

		@Override
		public Set<Class<?>> getFieldTypes() {
			return Set.of(LocalDate.class);
		}

		@Override
		public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
			return (Printer<LocalDate>) (date, locale) -> ISO.format(date);
		}

		@Override
		public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
			return (Parser<LocalDate>) (text, locale) -> {
				String value = text.trim();
				if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
					throw new ParseException("Not an ISO date of a four-digit year: " + value, 0);
				}
				try {
					LocalDate date = LocalDate.parse(value, ISO);
					if (date.getYear() < 1) {
						throw new ParseException("Year 0 is not a year: " + value, 0);
					}
					return date;
				}
				catch (DateTimeParseException ex) {
					throw new ParseException(ex.getMessage(), 0);
				}
			};
		}

	}

}
