package id.ugdkemiskinan.delivery.outbox;

import id.ugdkemiskinan.common.PeriodicTask;
import id.ugdkemiskinan.delivery.DeliveryProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Drains the outbox at start-up (what was due while the app was down) and then every
 * {@code ugd.delivery.poll-interval}, until nothing is due. Every instance may run it:
 * claims skip what another instance holds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ugd.delivery.sender-enabled", matchIfMissing = true)
class SenderSchedule {

	@Bean
	PeriodicTask deliverySenderSchedule(DeliverySender sender, DeliveryProperties properties) {
		return new PeriodicTask("Delivery sender", properties.pollInterval(), sender::drain);
	}

}
