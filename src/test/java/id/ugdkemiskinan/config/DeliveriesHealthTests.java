package id.ugdkemiskinan.config;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The health component {@code deliveries}: UP whatever the outbox holds, its counts only
 * for administrators; on a database of its own, so that the counts are the rows inserted
 * here.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=deliveryhealth")
class DeliveriesHealthTests {

	static final Instant NOW = Instant.parse("2027-06-01T03:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void anOutboxWithFailedAndStuckDeliveries() {
		this.clock.set(NOW);
		this.jdbc.sql("DELETE FROM delivery").update();
		// stuck-after is 15 minutes.
		delivery("failed-1", "FAILED", Duration.ofHours(-3), null);
		delivery("failed-2", "FAILED", Duration.ofHours(-1), null);
		delivery("pending-stuck", "PENDING", Duration.ofMinutes(-16), null);
		delivery("pending-due", "PENDING", Duration.ofMinutes(-14), null);
		delivery("pending-later", "PENDING", Duration.ofMinutes(30), null);
		delivery("sending-expired", "SENDING", Duration.ofMinutes(-6), Duration.ofMinutes(-1));
		delivery("sending-leased", "SENDING", Duration.ofMinutes(-1), Duration.ofMinutes(4));
		delivery("sent", "SENT", Duration.ofHours(-2), null);
	}

	@Test
	void anyoneSeesTheComponentUpWithoutItsDetails() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.deliveries.status").value("UP"))
			.andExpect(jsonPath("$.components.deliveries.details").doesNotExist())
			.andExpect(jsonPath("$.components.db.details").doesNotExist());
	}

	@Test
	void anAdministratorSeesTheFailedAndStuckCounts() throws Exception {
		this.mvc.perform(get("/actuator/health").cookie(Logins.login(this.mvc, "admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.deliveries.status").value("UP"))
			.andExpect(jsonPath("$.components.deliveries.details.failed").value(2))
			.andExpect(jsonPath("$.components.deliveries.details.stuck").value(2));
	}

	@Test
	void otherRolesSeeNoDetails() throws Exception {
		this.mvc.perform(get("/actuator/health").cookie(Logins.login(this.mvc, "pimpinan")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.deliveries.status").value("UP"))
			.andExpect(jsonPath("$.components.deliveries.details").doesNotExist());
	}

	@Test
	void anEmptyOutboxCountsNothing() throws Exception {
		this.jdbc.sql("DELETE FROM delivery").update();
		this.mvc.perform(get("/actuator/health").cookie(Logins.login(this.mvc, "admin")))
			.andExpect(jsonPath("$.components.deliveries.details.failed").value(0))
			.andExpect(jsonPath("$.components.deliveries.details.stuck").value(0));
	}

	private void delivery(String key, String status, Duration nextAttempt, Duration lease) {
		this.jdbc
			.sql("""
					INSERT INTO delivery (delivery_key, kind, channel, recipient, params, status, next_attempt_at, lease_until,
					                      created_at, updated_at)
					VALUES (:key, 'BREACHED', 'EMAIL', 'dinkes@banyuwangikab.go.id', '{}', :status, :next, :lease, :now, :now)""")
			.param("key", "health:" + key)
			.param("status", status)
			.param("next", Timestamp.from(NOW.plus(nextAttempt)))
			.param("lease", lease == null ? null : Timestamp.from(NOW.plus(lease)))
			.param("now", Timestamp.from(NOW.minus(Duration.ofHours(4))))
			.update();
	}

}
