package id.ugdkemiskinan.delivery.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

import id.ugdkemiskinan.delivery.WhatsAppMedia;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A resident's photo or document from Meta's Cloud API: {@code GET {api-url}/{media-id}}
 * with the access token as Bearer answers {@code {url, mime_type, file_size}}, then
 * {@code GET url} with the token gives the bytes. Refused over the cap by the announced
 * {@code file_size} and again while reading (never more than the cap is held). A 5xx, a
 * 429, a timeout or an I/O error may be retried; any other 4xx (expired or unknown media)
 * cannot. The token is never put in a reason.
 */
@Component
class WhatsAppCloudMedia implements WhatsAppMedia {

	private final WhatsAppProperties properties;

	private final JsonMapper json;

	private final HttpClient http;

	WhatsAppCloudMedia(WhatsAppProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	@Override
	public boolean available() {
		return !isBlank(this.properties.apiUrl()) && !isBlank(this.properties.token());
	}

	@Override
	public Media fetch(String mediaId, int maxBytes) {
		if (!available()) {
			throw new MediaUnavailableException("WhatsApp is not configured (ugd.whatsapp.*)", true);
		}
		String api = this.properties.apiUrl().strip().replaceAll("/+$", "");
		URI info;
		try {
			info = URI.create(api + "/" + URLEncoder.encode(mediaId, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			throw new MediaUnavailableException("bad media URL: " + ex.getMessage(), false);
		}
		JsonNode meta;
		try (InputStream body = get(info, "media info")) {
			meta = this.json.readTree(read(body, 64 * 1024, "media info"));
		}
		catch (IOException ex) {
			throw new MediaUnavailableException("media info: " + ex.getClass().getSimpleName(), true);
		}
		catch (JacksonException ex) {
			throw new MediaUnavailableException("media info is no JSON", false);
		}
		String url = meta.path("url").asString("");
		if (url.isBlank()) {
			throw new MediaUnavailableException("media info without url", false);
		}
		long announced = meta.path("file_size").asLong(-1);
		if (announced > maxBytes) {
			throw new MediaTooLargeException("file_size " + announced + " > " + maxBytes);
		}
		String type = meta.path("mime_type").asString("application/octet-stream");
		URI download;
		try {
			download = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new MediaUnavailableException("bad media url", false);
		}
		try (InputStream body = get(download, "media")) {
			return new Media(type, read(body, maxBytes, "media"));
		}
		catch (IOException ex) {
			throw new MediaUnavailableException("media: " + ex.getClass().getSimpleName(), true);
		}
	}

	private InputStream get(URI uri, String what) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.timeout())
			.header("Authorization", "Bearer " + this.properties.token().strip())
			.GET()
			.build();
		HttpResponse<InputStream> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (HttpTimeoutException ex) {
			throw new MediaUnavailableException(what + ": timeout", true);
		}
		catch (IOException ex) {
			throw new MediaUnavailableException(what + ": " + ex.getClass().getSimpleName(), true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MediaUnavailableException(what + ": interrupted", true);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return response.body();
		}
		try (InputStream ignored = response.body()) {
			// drained and closed
		}
		catch (IOException ex) {
			// nothing to add
		}
		boolean retryable = status >= 500 || status == 429 || status == 408;
		throw new MediaUnavailableException(what + ": HTTP " + status, retryable);
	}

	/** At most {@code max} bytes; more is refused while reading. */
	private static byte[] read(InputStream body, int max, String what) throws IOException {
		byte[] bytes = body.readNBytes(max + 1);
		if (bytes.length > max) {
			throw new MediaTooLargeException(what + " larger than " + max + " bytes");
		}
		return bytes;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
