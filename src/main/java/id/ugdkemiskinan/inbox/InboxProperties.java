package id.ugdkemiskinan.inbox;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The intake inbox ({@code ugd.inbox.*}).
 *
 * @param kecamatanNumbers per WhatsApp business number ({@code phone_number_id}), the
 * kecamatan whose UPT gets its messages (code, e.g. {@code 35.10.05}); a number not
 * listed goes to the secretariat
 * @param mediaInterval how often pending photos are fetched from Meta
 * @param mediaEnabled whether this instance fetches them
 */
@ConfigurationProperties("ugd.inbox")
public record InboxProperties(@Nullable Map<String, String> kecamatanNumbers,
		@DefaultValue("30s") Duration mediaInterval, @DefaultValue("true") boolean mediaEnabled) {

	public InboxProperties {
		kecamatanNumbers = (kecamatanNumbers == null) ? Map.of() : Map.copyOf(kecamatanNumbers);
	}

	public Map<String, String> numbers() {
		return (this.kecamatanNumbers == null) ? Map.of() : this.kecamatanNumbers;
	}

}
