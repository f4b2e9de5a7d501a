package id.ugdkemiskinan.delivery.outbox;

import java.time.Clock;
import java.time.Instant;

import id.ugdkemiskinan.delivery.DeliveryProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * The health component {@code deliveries}: always UP (an SMTP or WhatsApp outage must not
 * take the app out of its load balancer), with the counts an operator watches as details:
 * {@code failed} (gave up after the last attempt) and {@code stuck} (due longer than
 * {@code ugd.delivery.stuck-after}, or claimed by a sender whose lease ran out). Details
 * are shown to administrators only ({@code management.endpoint.health.*}).
 */
@Component
class DeliveriesHealthIndicator implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(DeliveriesHealthIndicator.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DeliveryProperties properties;

	DeliveriesHealthIndicator(JdbcClient jdbc, Clock clock, DeliveryProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public Health health() {
		try {
			long[] counts = counts();
			return Health.up().withDetail("failed", counts[0]).withDetail("stuck", counts[1]).build();
		}
		catch (RuntimeException ex) {
			// The database's own component reports the outage.
			log.debug("Deliveries health check could not count: {}", ex.getMessage());
			return Health.up().withDetail("error", "counts unavailable").build();
		}
	}

	private long[] counts() {
		Instant now = this.clock.instant();
		// Each count reads one partial index (delivery_failed, delivery_due,
		// delivery_leased).
		return this.jdbc.sql("""
				SELECT (SELECT count(*) FROM delivery WHERE status = 'FAILED') AS failed,
				       (SELECT count(*) FROM delivery WHERE status = 'PENDING' AND next_attempt_at < :stuckBefore)
				       + (SELECT count(*) FROM delivery WHERE status = 'SENDING' AND lease_until < :now) AS stuck""")
			.param("stuckBefore", utc(now.minus(this.properties.stuckAfter())))
			.param("now", utc(now))
			.query((rs, n) -> new long[] { rs.getLong("failed"), rs.getLong("stuck") })
			.single();
	}

}
