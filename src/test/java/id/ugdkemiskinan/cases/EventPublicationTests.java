package id.ugdkemiskinan.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The event publication registry with our setup (JDBC, the table from Flyway, Jackson):
 * an event for an {@link ApplicationModuleListener} (after commit, asynchronous) is
 * stored in {@code event_publication} in the publisher's transaction and completed when
 * the listener succeeds; when it throws, the publication stays incomplete and can be
 * submitted again. A database of its own, so that no other test context republishes these
 * publications on start.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=events")
@Import(EventPublicationTests.ListenerConfiguration.class)
class EventPublicationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Listeners listeners;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	EventSerializer serializer;

	@Test
	void everyEventOfCasesSurvivesTheRegistrysSerializer() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		List<Object> events = List.of(new CaseFiled(1, 2, "UGD-26-000001", "35.10.05", now),
				new AssignmentRouted(1, 2, "UGD-26-000001", "35.10.05", 3, "DINKES", now, now.plusSeconds(14400)),
				new AssignmentResponded(1, 2, "UGD-26-000001", "35.10.05", 3, "DINKES", true, now),
				new AssignmentProgressed(1, 2, "UGD-26-000001", "35.10.05", 3, "DINKES", now),
				new AssignmentResolved(1, 2, "UGD-26-000001", "35.10.05", 3, "DINKES", "RUJUK_PUSKESMAS", now),
				new AssignmentReturned(1, 2, "UGD-26-000001", "35.10.05", 3, "DINKES", now),
				new AssignmentCancelled(1, 2, "UGD-26-000001", "35.10.05", 3, "DINKES", now),
				new AssignmentTriaged(1, 2, "UGD-26-000001", "35.10.05", 3, "KESRA", now),
				new CaseAwaitingConfirmation(1, 2, "UGD-26-000001", "35.10.05", "DINKES", now),
				new CaseRejected(1, 2, "UGD-26-000001", "35.10.05", null, now),
				new CaseClosed(1, 2, "UGD-26-000001", "35.10.05", now),
				new CaseReopened(1, 2, "UGD-26-000001", "35.10.05", now),
				new ReceiptIssued(1, 2, "UGD-26-000001", "35.10.05", "WHATSAPP", true, now),
				new ResidentAnswered(1, 2, "UGD-26-000001", "35.10.05", false, null, "WHATSAPP", now),
				new ResidentAnswered(1, 2, "UGD-26-000001", "35.10.05", true, 4, "STATUS_PAGE", now),
				new AssignmentsFlagged(AssignmentsFlagged.Flag.BREACHED, now, List.of(
						new AssignmentsFlagged.Flagged(1, 2, "UGD-26-000001", 3, "DINKES", now.minusSeconds(60)),
						new AssignmentsFlagged.Flagged(4, 5, "UGD-26-000002", 6, "DINSOS", now.minusSeconds(30)))));
		for (Object event : events) {
			assertThat(this.serializer.deserialize(this.serializer.serialize(event), event.getClass()))
				.isEqualTo(event);
		}
	}

	@Test
	void aModuleListenerGetsItsPublicationStoredAndCompletedAfterCommit() throws Exception {
		String ticket = file("KESEHATAN");

		await().atMost(Duration.ofSeconds(10)).until(() -> this.listeners.filed(ticket));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(publications(CaseFiled.class, ticket)).containsExactly("completed"));
		assertThat(this.jdbc
			.sql("SELECT listener_id FROM event_publication WHERE event_type = :type AND serialized_event LIKE :t")
			.param("type", CaseFiled.class.getName())
			.param("t", "%" + ticket + "%")
			.query(String.class)
			.list()).as("this test's listener among the others of CaseFiled")
			.anySatisfy((listener) -> assertThat(listener).contains("Listeners", "caseFiled"));
	}

	@Test
	void aFailingListenerLeavesItsPublicationIncompleteUntilItIsSubmittedAgain() throws Exception {
		this.listeners.failing(true);
		String ticket;
		try {
			ticket = file("PENDIDIKAN");
			String filed = ticket;
			await().atMost(Duration.ofSeconds(10)).until(() -> this.listeners.failedFor(filed));
			// The failure is recorded after the listener has thrown.
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(publications(AssignmentRouted.class, filed)).containsExactly("incomplete"));
			assertThat(this.listeners.routed(ticket)).isFalse();
		}
		finally {
			this.listeners.failing(false);
		}

		String resubmitted = ticket;
		this.incomplete
			.resubmitIncompletePublications(publication -> publication.getEvent() instanceof AssignmentRouted routed
					&& routed.ticket().equals(resubmitted));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.listeners.routed(resubmitted));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(publications(AssignmentRouted.class, resubmitted)).containsExactly("completed"));
	}

	/** The publications of the event for this test's listeners (delivery has its own). */
	private List<String> publications(Class<?> type, String ticket) {
		return this.jdbc.sql("""
				SELECT CASE WHEN completion_date IS NULL THEN 'incomplete' ELSE 'completed' END
				FROM event_publication
				WHERE event_type = :type AND serialized_event LIKE :t AND listener_id LIKE '%EventPublicationTests%'""")
			.param("type", type.getName())
			.param("t", "%" + ticket + "%")
			.query(String.class)
			.list();
	}

	private String file(String category) throws Exception {
		String location = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(CaseData.json(CaseData.nik(), category)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return location.substring("/api/v1/cases/".length());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		Listeners eventPublicationTestListeners() {
			return new Listeners();
		}

	}

	/**
	 * Listeners of another module, as a later email or WhatsApp gateway would be. Read
	 * through methods: the bean is a proxy (the listeners are asynchronous).
	 */
	static class Listeners {

		private final Set<String> filed = ConcurrentHashMap.newKeySet();

		private final Set<String> routed = ConcurrentHashMap.newKeySet();

		private final Set<String> failedFor = ConcurrentHashMap.newKeySet();

		private final AtomicBoolean failing = new AtomicBoolean();

		@ApplicationModuleListener
		public void caseFiled(CaseFiled event) {
			this.filed.add(event.ticket());
		}

		@ApplicationModuleListener
		public void assignmentRouted(AssignmentRouted event) {
			if (this.failing.get()) {
				this.failedFor.add(event.ticket());
				throw new IllegalStateException("The gateway is down");
			}
			this.routed.add(event.ticket());
		}

		public boolean filed(String ticket) {
			return this.filed.contains(ticket);
		}

		public boolean routed(String ticket) {
			return this.routed.contains(ticket);
		}

		public boolean failedFor(String ticket) {
			return this.failedFor.contains(ticket);
		}

		public void failing(boolean failing) {
			this.failing.set(failing);
		}

	}

}
