package id.ugdkemiskinan.delivery.channel;

import java.time.Duration;
import java.util.Map;

import id.ugdkemiskinan.delivery.DeliveryKind;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The WhatsApp Business Cloud API ({@code ugd.whatsapp.*}, from the
 * {@code UGD_WHATSAPP_*} environment). On when the API URL, the phone number id and the
 * token are all set.
 *
 * @param apiUrl e.g. {@code https://graph.facebook.com/v23.0}
 * @param phoneNumberId the business phone number's id
 * @param token the access token (Bearer)
 * @param appSecret the app secret that signs status callbacks
 * ({@code X-Hub-Signature-256})
 * @param verifyToken what Meta's GET verification handshake must present
 * @param timeout per call
 * @param templates per kind: the approved template's name and language
 */
@Validated
@ConfigurationProperties("ugd.whatsapp")
public record WhatsAppProperties(@Nullable String apiUrl, @Nullable String phoneNumberId, @Nullable String token,
		@Nullable String appSecret, @Nullable String verifyToken, @NotNull Duration timeout,
		@NotNull Map<DeliveryKind, Template> templates) {

	public record Template(@NotNull String name, @NotNull String language) {
	}

}
