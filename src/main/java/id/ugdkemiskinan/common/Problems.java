package id.ugdkemiskinan.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.io.JsonStringEncoder;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The one way to build the API's RFC 9457 problem details: a status and a message key,
 * the text from {@code messages*.properties} in the request's language (Bahasa Indonesia
 * unless the client asked for English the way the pages do, with {@code ?lang=en} or its
 * cookie). Spring MVC's handlers return the {@link ProblemDetail}; filters and Spring
 * Security's handlers, which Spring MVC does not serve, {@link #send send} it as
 * {@code application/problem+json} themselves.
 */
@Component
public class Problems {

	private final MessageSource messages;

	private final LocaleResolver locales;

	public Problems(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	/** A problem detail for the status, its detail the message for the key. */
	public ProblemDetail of(HttpStatusCode status, String key, Object... args) {
		return ProblemDetail.forStatusAndDetail(status, message(key, args));
	}

	/**
	 * The message for the key in the request's language (for {@code errors[].message}
	 * too).
	 */
	public String message(String key, Object... args) {
		return this.messages.getMessage(key, args == null || args.length == 0 ? null : args, locale());
	}

	/**
	 * The current request's language: what the pages would use, Bahasa Indonesia outside
	 * a request.
	 */
	public Locale locale() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return this.locales.resolveLocale(attributes.getRequest());
		}
		return Locales.INDONESIAN;
	}

	/**
	 * Outside Spring MVC: writes the problem detail for the status and key, with the
	 * request's path as its {@code instance}.
	 */
	public void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
			Object... args) throws IOException {
		write(response, status,
				this.messages.getMessage(key, args.length == 0 ? null : args, this.locales.resolveLocale(request)),
				request.getRequestURI());
	}

	/**
	 * Outside Spring MVC, like {@link #send} but without an {@code instance} (Spring
	 * Security's answers).
	 */
	public void sendWithoutInstance(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String key, Object... args) throws IOException {
		write(response, status,
				this.messages.getMessage(key, args.length == 0 ? null : args, this.locales.resolveLocale(request)),
				null);
	}

	/**
	 * The JSON Spring MVC would write for {@code ProblemDetail.forStatusAndDetail} (type,
	 * title, status, detail, instance).
	 */
	private static void write(HttpServletResponse response, HttpStatus status, String detail, String instance)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"title\":\"");
		JsonStringEncoder encoder = JsonStringEncoder.getInstance();
		encoder.quoteAsString(status.getReasonPhrase(), json);
		json.append("\",\"status\":").append(status.value()).append(",\"detail\":\"");
		encoder.quoteAsString(detail, json);
		json.append('"');
		if (instance != null) {
			json.append(",\"instance\":\"");
			encoder.quoteAsString(instance, json);
			json.append('"');
		}
		response.getWriter().write(json.append('}').toString());
	}

}
