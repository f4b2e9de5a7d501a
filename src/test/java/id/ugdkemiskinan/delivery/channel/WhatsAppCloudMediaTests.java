package id.ugdkemiskinan.delivery.channel;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.ugdkemiskinan.delivery.WhatsAppMedia;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fetching a resident's photo from the Cloud API (on WireMock). */
class WhatsAppCloudMediaTests {

	static final WireMockServer meta = new WireMockServer(wireMockConfig().dynamicPort());

	private WhatsAppCloudMedia media;

	@BeforeAll
	static void start() {
		meta.start();
	}

	@AfterAll
	static void stop() {
		meta.stop();
	}

	@BeforeEach
	void client() {
		meta.resetAll();
		this.media = new WhatsAppCloudMedia(new WhatsAppProperties(meta.baseUrl() + "/v23.0/", "1", "secret-token",
				null, null, Duration.ofMillis(500), Map.of()), JsonMapper.builder().build());
	}

	@Test
	void thePhotoIsFetchedByItsUrlWithTheToken() {
		meta.stubFor(get(urlEqualTo("/v23.0/M1")).withHeader("Authorization", equalTo("Bearer secret-token"))
			.willReturn(
					okJson("{\"url\":\"" + meta.baseUrl() + "/f/1\",\"mime_type\":\"image/jpeg\",\"file_size\":3}")));
		meta.stubFor(get(urlEqualTo("/f/1")).withHeader("Authorization", equalTo("Bearer secret-token"))
			.willReturn(aResponse().withBody(new byte[] { 1, 2, 3 })));
		WhatsAppMedia.Media fetched = this.media.fetch("M1", 10);
		assertThat(fetched.contentType()).isEqualTo("image/jpeg");
		assertThat(fetched.content()).containsExactly(1, 2, 3);
	}

	@Test
	void overTheCapItIsRefusedByItsSizeAndWhileReading() {
		meta.stubFor(get(urlEqualTo("/v23.0/BIG"))
			.willReturn(okJson("{\"url\":\"" + meta.baseUrl() + "/f/big\",\"file_size\":11}")));
		assertThatThrownBy(() -> this.media.fetch("BIG", 10)).isInstanceOf(WhatsAppMedia.MediaTooLargeException.class);
		meta.stubFor(get(urlEqualTo("/v23.0/LIAR")).willReturn(okJson("{\"url\":\"" + meta.baseUrl() + "/f/liar\"}")));
		meta.stubFor(get(urlEqualTo("/f/liar")).willReturn(aResponse().withBody(new byte[11])));
		assertThatThrownBy(() -> this.media.fetch("LIAR", 10)).isInstanceOf(WhatsAppMedia.MediaTooLargeException.class);
	}

	@Test
	void a4xxCannotBeRetriedAnd5xxOrATimeoutCan() {
		meta.stubFor(get(urlEqualTo("/v23.0/GONE")).willReturn(aResponse().withStatus(404)));
		assertThatThrownBy(() -> this.media.fetch("GONE", 10))
			.isInstanceOfSatisfying(WhatsAppMedia.MediaUnavailableException.class, (ex) -> {
				assertThat(ex.retryable()).isFalse();
				assertThat(ex.getMessage()).contains("404").doesNotContain("secret-token");
			});
		meta.stubFor(get(urlEqualTo("/v23.0/DOWN")).willReturn(aResponse().withStatus(502)));
		assertThatThrownBy(() -> this.media.fetch("DOWN", 10)).isInstanceOfSatisfying(
				WhatsAppMedia.MediaUnavailableException.class, (ex) -> assertThat(ex.retryable()).isTrue());
		meta.stubFor(get(urlEqualTo("/v23.0/SLOW")).willReturn(okJson("{}").withFixedDelay(2000)));
		assertThatThrownBy(() -> this.media.fetch("SLOW", 10)).isInstanceOfSatisfying(
				WhatsAppMedia.MediaUnavailableException.class, (ex) -> assertThat(ex.retryable()).isTrue());
	}

	@Test
	void withoutTheApiItIsNotAvailable() {
		WhatsAppCloudMedia off = new WhatsAppCloudMedia(
				new WhatsAppProperties(null, null, null, null, null, Duration.ofSeconds(1), Map.of()),
				JsonMapper.builder().build());
		assertThat(off.available()).isFalse();
		assertThat(this.media.available()).isTrue();
	}

}
