package id.ugdkemiskinan.delivery.channel;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The outgoing webhook ({@code UGD_WEBHOOK_URL}, {@code UGD_WEBHOOK_SECRET}): on when the
 * URL is set; every body is signed with the secret ({@code X-UGD-Signature}).
 */
@Validated
@ConfigurationProperties("ugd.webhook")
public record WebhookProperties(@Nullable String url, @Nullable String secret, @NotNull Duration timeout) {
}
