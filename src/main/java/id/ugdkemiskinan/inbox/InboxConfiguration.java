package id.ugdkemiskinan.inbox;

import java.util.Map;

import id.ugdkemiskinan.common.PeriodicTask;
import id.ugdkemiskinan.region.Regions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inbox's settings, checked at start-up (every configured kecamatan exists in the
 * kabupaten), and the photo fetcher's schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboxProperties.class)
class InboxConfiguration {

	@Bean
	Routing inboxRouting(InboxProperties properties) {
		return new Routing(properties.numbers());
	}

	/**
	 * Refuses to start with a number routed to no kecamatan of the kabupaten (after the
	 * region import, which runs first).
	 */
	@Bean
	ApplicationRunner inboxRoutingCheck(InboxProperties properties, Regions regions) {
		return (arguments) -> {
			for (Map.Entry<String, String> number : properties.numbers().entrySet()) {
				if (regions.kecamatan(number.getValue()).isEmpty()) {
					throw new IllegalStateException("ugd.inbox.kecamatan-numbers." + number.getKey() + ": "
							+ number.getValue() + " is no kecamatan of " + regions.kabupaten().name());
				}
			}
		};
	}

	@Bean
	@ConditionalOnProperty(name = "ugd.inbox.media-enabled", matchIfMissing = true)
	PeriodicTask inboxMediaSchedule(MediaFetcher fetcher, InboxProperties properties) {
		return new PeriodicTask("WhatsApp media fetch", properties.mediaInterval(), fetcher::fetchPending);
	}

	/** Which inbox a business number's messages land in. */
	record Routing(Map<String, String> numbers) {

		/** The kecamatan's code, or null for the secretariat. */
		@Nullable String kecamatanOf(String businessNumberId) {
			return this.numbers.get(businessNumberId);
		}

	}

}
