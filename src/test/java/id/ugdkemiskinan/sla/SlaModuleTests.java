package id.ugdkemiskinan.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import id.ugdkemiskinan.support.MutableClock;
import id.ugdkemiskinan.support.TestClockConfiguration;
import id.ugdkemiskinan.support.TestcontainersConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sla module on its own: no cases module, only a stub of the {@link SweepTarget} it
 * sweeps. The sweeper drains each kind of flag batch by batch, with the clock's instant
 * and the escalation chain in force (the default: one level, the leadership 4 hours after
 * the due time), and the policy fixes due times from the settings. (common and agency
 * come along for the admin's SLA page, which audits and names categories.)
 */
@ApplicationModuleTest(extraIncludes = { "common", "agency" })
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class, SlaModuleTests.StubTarget.class })
@TestPropertySource(properties = { "ugd.embedded-postgres.enabled=false", "ugd.sla.sweep-enabled=false",
		"ugd.sla.response-time=PT3H", "ugd.sla.escalation-after=PT2H" })
class SlaModuleTests {

	@Autowired
	SlaSweeper sweeper;

	@Autowired
	SlaPolicy policy;

	@Autowired
	MutableClock clock;

	@Autowired
	Stub target;

	@Test
	void theSweeperDrainsEveryKindBatchByBatchAtTheClocksInstant() {
		Instant now = Instant.parse("2026-12-01T08:00:00Z");
		this.clock.set(now);
		this.target.reset(1_123, 10, 0);

		SlaSweeper.Sweep sweep = this.sweeper.sweep();

		assertThat(sweep).isEqualTo(new SlaSweeper.Sweep(1_123, 10, 0));
		// 500 + 500 + 123: a short batch ends the kind; one call for each of the others.
		assertThat(this.target.calls).containsExactly("AT_RISK " + now + " 500", "AT_RISK " + now + " 500",
				"AT_RISK " + now + " 500", "BREACHED " + now + " [1 Pimpinan PT4H 75%] 500",
				"ESCALATED " + now + " 500");
	}

	@Test
	void thePolicyTakesItsTimesFromTheSettings() {
		Instant assigned = Instant.parse("2026-12-01T01:00:00Z");
		Instant due = this.policy.dueAt(assigned);
		assertThat(due).isEqualTo(Instant.parse("2026-12-01T04:00:00Z"));
		assertThat(this.policy.atRiskFrom(assigned, due)).isEqualTo(Instant.parse("2026-12-01T03:15:00Z"));
		assertThat(this.policy.state(assigned.plusSeconds(60), due, null, due.plusSeconds(1)))
			.isEqualTo(SlaState.BREACHED);
		assertThat(this.policy.state(assigned.plusSeconds(60), due, due, due.plusSeconds(1))).isEqualTo(SlaState.MET);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StubTarget {

		@Bean
		Stub sweepTarget() {
			return new Stub();
		}

	}

	/**
	 * Hands out the given numbers of flags in batches of at most the batch size, and logs
	 * each call.
	 */
	static class Stub implements SweepTarget {

		final List<String> calls = new ArrayList<>();

		private final AtomicInteger atRisk = new AtomicInteger();

		private final AtomicInteger breached = new AtomicInteger();

		private final AtomicInteger escalated = new AtomicInteger();

		void reset(int atRisk, int breached, int escalated) {
			this.calls.clear();
			this.atRisk.set(atRisk);
			this.breached.set(breached);
			this.escalated.set(escalated);
		}

		@Override
		public int flagAtRisk(Instant now, int batch) {
			this.calls.add("AT_RISK " + now + " " + batch);
			return take(this.atRisk, batch);
		}

		@Override
		public int flagBreached(Instant now, List<EscalationStep> chain, int batch) {
			this.calls.add("BREACHED " + now + " "
					+ chain.stream()
						.map(s -> "" + s.level() + " " + s.name() + " " + s.after() + " " + s.atRiskPercent() + "%")
						.toList()
					+ " " + batch);
			return take(this.breached, batch);
		}

		@Override
		public int flagEscalations(Instant now, int batch) {
			this.calls.add("ESCALATED " + now + " " + batch);
			return take(this.escalated, batch);
		}

		private static int take(AtomicInteger left, int batch) {
			int taken = Math.min(left.get(), batch);
			left.addAndGet(-taken);
			return taken;
		}

	}

}
