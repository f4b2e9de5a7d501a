package id.ugdkemiskinan.delivery.digest;

import java.time.Duration;

import id.ugdkemiskinan.common.PeriodicTask;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Looks every minute (and right at start-up) whether today's digest is due and not yet
 * made ({@link DigestMaker}). Several instances may all run it: the day's
 * {@code digest_run} row makes it once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ugd.delivery.digest-enabled", matchIfMissing = true)
class DigestSchedule {

	static final Duration INTERVAL = Duration.ofMinutes(1);

	@Bean
	PeriodicTask dailyDigest(DigestMaker maker) {
		return new PeriodicTask("Daily digest", INTERVAL, maker::make);
	}

}
