package id.ugdkemiskinan.delivery.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One JSON POST of an HTTP channel (WhatsApp, the webhook) and what became of it:
 * Spring's {@link RestClient} over the JDK's {@link HttpClient}, with the channel's
 * timeout to connect and to read. A 2xx answer is the channel's to read; a 429 is retried
 * after its {@code Retry-After} (seconds or an HTTP date); a 5xx (408 too), a timeout or
 * an I/O error is retried; any other 4xx fails with the reason the channel reads from the
 * body. Never throws, and never puts a request header (a token) into a reason.
 */
final class JsonPost {

	/** At most this much of a reason goes to the log ({@code last_error}). */
	private static final int MAX_REASON = 500;

	/** An answer: its status, {@code Retry-After} header and body. */
	record Response(int status, @Nullable String retryAfter, byte[] body) {
	}

	/**
	 * The HTTP client's and the body writers' threads, shared by the channels, reused.
	 */
	private static final ExecutorService WORKERS = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "delivery-http");
		thread.setDaemon(true);
		return thread;
	});

	private final RestClient client;

	private final Clock clock;

	JsonPost(Duration timeout, Clock clock) {
		HttpClient http = HttpClient.newBuilder()
			.executor(WORKERS)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			// No h2c upgrade on plain http: receivers such as SMS gateways speak HTTP/1.1
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		// With an executor of its own the factory writes bodies on pooled threads, not on
		// a
		// new thread per request.
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http, WORKERS);
		factory.setReadTimeout(timeout);
		this.client = RestClient.builder().requestFactory(factory).build();
		this.clock = clock;
	}

	/**
	 * Posts the body as {@code application/json}.
	 * @param uri where to
	 * @param headers the channel's own headers (authorization, signature)
	 * @param body the exact bytes to send
	 * @param sent what a 2xx answer means
	 * @param failure the reason of a non-2xx answer, read from its body
	 */
	SendResult post(URI uri, Consumer<HttpHeaders> headers, byte[] body, Function<Response, SendResult> sent,
			Function<Response, String> failure) {
		Response response;
		try {
			response = this.client.post()
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.headers(headers)
				.body(body)
				.exchange(
						(request, answer) -> new Response(answer.getStatusCode().value(),
								answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), readBody(answer.getBody())),
						true);
		}
		catch (RestClientException ex) {
			return new SendResult.Retry(trim("no answer: " + rootCause(ex)), null);
		}
		catch (RuntimeException ex) {
			return new SendResult.Retry(trim("unexpected: " + ex), null);
		}
		int status = response.status();
		try {
			if (status >= 200 && status < 300) {
				return sent.apply(response);
			}
			String reason = trim("HTTP " + status + ": " + failure.apply(response));
			if (status == 429 || status == 408 || status >= 500) {
				return new SendResult.Retry(reason, retryAfter(response.retryAfter()));
			}
			return new SendResult.Failed(reason);
		}
		catch (RuntimeException ex) {
			return new SendResult.Retry(trim("HTTP " + status + ", unreadable answer: " + ex.getMessage()), null);
		}
	}

	/** {@code Retry-After} as seconds or as an HTTP date (RFC 9110); null if neither. */
	@Nullable Duration retryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		if (value.chars().allMatch(Character::isDigit)) {
			try {
				return Duration.ofSeconds(Long.parseLong(value));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		try {
			ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(this.clock.instant(), at.toInstant());
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static byte[] readBody(java.io.InputStream body) throws IOException {
		return body.readAllBytes();
	}

	private static String rootCause(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? " " + root.getMessage() : "");
	}

	/** The start of an answer's body as text, for a reason. */
	static String bodyText(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		return (text.length() > 200) ? text.substring(0, 200) : text;
	}

	static String trim(String reason) {
		return (reason.length() <= MAX_REASON) ? reason : reason.substring(0, MAX_REASON - 1) + "…";
	}

}
