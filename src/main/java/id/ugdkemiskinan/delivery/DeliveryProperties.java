package id.ugdkemiskinan.delivery;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox ({@code ugd.delivery.*}): where links point, how often and how many at once
 * the senders send, the back-off between attempts, and the digest's hour.
 *
 * @param baseUrl the app's public address, for the links in messages
 * ({@code UGD_BASE_URL})
 * @param senderEnabled whether this instance drains the outbox
 * @param pollInterval the pause between two looks at the outbox when it is empty
 * @param batchSize how many deliveries one look claims
 * @param concurrency how many sends run at once on this instance
 * @param lease how long a claimed delivery stays with its sender before another may take
 * it (longer than any call's timeout)
 * @param backoff the waits after the first, second, ... failed attempt; after the last
 * the delivery fails
 * @param stuckAfter a delivery due longer than this is reported as stuck by the health
 * check
 * @param digestEnabled whether this instance makes the daily digest
 * @param digestTime the digest's hour, in {@code ugd.zone}
 * @param demoOutbox in demo mode, deliver what no configured channel takes into the Kotak
 * keluar
 */
@Validated
@ConfigurationProperties("ugd.delivery")
public record DeliveryProperties(@NotNull String baseUrl, @NotNull Boolean senderEnabled,
		@NotNull Duration pollInterval, @NotNull @Min(1) @Max(1000) Integer batchSize,
		@NotNull @Min(1) @Max(64) Integer concurrency, @NotNull Duration lease, @NotEmpty List<Duration> backoff,
		@NotNull Duration stuckAfter, @NotNull Boolean digestEnabled, @NotNull LocalTime digestTime,
		@NotNull Boolean demoOutbox) {

	/** The link to a case's page. */
	public String caseLink(String ticket) {
		return this.baseUrl.replaceAll("/+$", "") + "/kasus/" + ticket;
	}

	/** The link to the resident's status page ({@code /cek}, no login). */
	public String statusLink() {
		return this.baseUrl.replaceAll("/+$", "") + "/cek";
	}

}
