package id.ugdkemiskinan.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.delivery.outbox.DeliverySender;
import id.ugdkemiskinan.delivery.outbox.Outbox;
import id.ugdkemiskinan.delivery.outbox.Outbox.Subject;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who receives what on which channel, written once per event, recipient and channel; and
 * the sender in demo mode, where no channel is configured and everything goes to the
 * Kotak keluar.
 */
@IntegrationTest
class OutboxTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Outbox outbox;

	@Autowired
	DeliverySender sender;

	@Autowired
	MutableClock clock;

	Cookie muncar;

	@BeforeEach
	void contacts() throws Exception {
		this.muncar = Logins.login(this.mvc, "upt.muncar");
		this.jdbc.sql("""
				UPDATE app_user SET email = username || '@ugd.test', phone = '+62812000' || lpad(id::text, 5, '0')
				WHERE username IN ('dindik', 'dinkes', 'sekretariat', 'pimpinan', 'upt.muncar')""").update();
		this.jdbc
			.sql("DELETE FROM delivery_preference WHERE user_id IN (SELECT id FROM app_user WHERE username = 'dindik')")
			.update();
		this.jdbc.sql("DELETE FROM dinas_duty_contact").update();
	}

	@Test
	void aNormalCaseReachesItsDinasOfficerByEmailAndTheWebhookOnceEach() throws Exception {
		String ticket = file(CaseData.form(CaseData.nik(), "PENDIDIKAN"));

		List<String> deliveries = awaitDeliveries(ticket, 2);
		assertThat(deliveries).containsExactlyInAnyOrder("NEW_ASSIGNMENT:EMAIL:dindik@ugd.test",
				"NEW_ASSIGNMENT:WEBHOOK:webhook");
		Map<String, Object> params = this.jdbc.sql("""
				SELECT params->>'ticket' AS ticket, params->>'kecamatan' AS kecamatan, params->>'category' AS category,
				       params->>'dinas' AS dinas, params->>'link' AS link, params->>'dueAt' AS due
				FROM delivery WHERE ticket = :t AND channel = 'EMAIL'""").param("t", ticket).query().singleRow();
		assertThat(params).containsEntry("ticket", ticket)
			.containsEntry("kecamatan", "Muncar")
			.containsEntry("category", "Pendidikan")
			.containsEntry("dinas", "Dinas Pendidikan")
			.containsEntry("link", "http://localhost:8080/kasus/" + ticket);
		assertThat((String) params.get("due")).endsWith(" WIB");
		assertThat(this.jdbc.sql("SELECT params::text FROM delivery WHERE ticket = :t")
			.param("t", ticket)
			.query(String.class)
			.list()).as("nothing of the resident leaves the app").noneMatch(p -> p.contains("Siti"));
	}

	@Test
	void aDaruratCaseAlsoGoesOnWhatsAppAndADutyContactHearsWhatItsDinasHears() throws Exception {
		this.jdbc.sql("""
				INSERT INTO dinas_duty_contact (dinas_code, email, phone, updated_at)
				VALUES ('DINDIK', 'piket.dindik@ugd.test', '+6281200009999', now())""").update();

		String ticket = file(CaseData.form(CaseData.nik(), "PENDIDIKAN").param("vulnerabilities", "SAKIT_MENAHUN"));

		assertThat(awaitDeliveries(ticket, 5)).containsExactlyInAnyOrder("NEW_ASSIGNMENT:EMAIL:dindik@ugd.test",
				"NEW_ASSIGNMENT:WHATSAPP:" + phoneOf("dindik"), "NEW_ASSIGNMENT:EMAIL:piket.dindik@ugd.test",
				"NEW_ASSIGNMENT:WHATSAPP:+6281200009999", "NEW_ASSIGNMENT:WEBHOOK:webhook");
	}

	@Test
	void aPersonsChoicesOverrideTheDefaultsAndSomeoneWithoutContactGetsNothing() throws Exception {
		long dindik = userId("dindik");
		this.jdbc.sql("""
				INSERT INTO delivery_preference (user_id, kind, channel, enabled)
				VALUES (:u, 'NEW_ASSIGNMENT', 'EMAIL', false), (:u, 'NEW_ASSIGNMENT', 'WHATSAPP', true)""")
			.param("u", dindik)
			.update();
		this.jdbc.sql("UPDATE app_user SET email = NULL WHERE username = 'dinkes'").update();

		String ticket = file(CaseData.form(CaseData.nik(), "PENDIDIKAN", "KESEHATAN"));

		assertThat(awaitDeliveries(ticket, 3)).containsExactlyInAnyOrder("NEW_ASSIGNMENT:WHATSAPP:" + phoneOf("dindik"),
				"NEW_ASSIGNMENT:WEBHOOK:webhook", "NEW_ASSIGNMENT:WEBHOOK:webhook");
	}

	@Test
	void aSubjectWrittenAgainWritesNothing() {
		Subject subject = new Subject("test-again-" + System.nanoTime(), null, null, null, null, "DINDIK", null, false,
				Map.of("ticket", "UGD-26-999999"));
		Instant now = this.clock.instant();

		assertThat(this.outbox.enqueue(DeliveryKind.NEW_ASSIGNMENT, List.of(subject), now)).isEqualTo(2);
		assertThat(this.outbox.enqueue(DeliveryKind.NEW_ASSIGNMENT, List.of(subject, subject), now)).isZero();
	}

	@Test
	void inDemoModeTheSenderDeliversIntoTheKotakKeluarAndSkipsWarningsAlreadyAnswered() throws Exception {
		String sent = file(CaseData.form(CaseData.nik(), "PENDIDIKAN"));
		String answered = file(CaseData.form(CaseData.nik(), "PENDIDIKAN"));
		awaitDeliveries(sent, 2);
		awaitDeliveries(answered, 2);
		long assignment = this.jdbc
			.sql("SELECT a.id FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t")
			.param("t", answered)
			.query(Long.class)
			.single();
		this.mvc.perform(post("/penugasan/{id}/respon", assignment).cookie(Logins.login(this.mvc, "dindik"))
			.param("note", "Kami hubungi keluarga hari ini.")
			.with(csrf()));

		this.sender.drain();

		assertThat(statuses(sent)).containsExactlyInAnyOrder("EMAIL:SENT:true", "WEBHOOK:SENT:true");
		assertThat(statuses(answered)).as("the officer answered before the message went out; systems hear anyway")
			.containsExactlyInAnyOrder("EMAIL:SKIPPED:false", "WEBHOOK:SENT:true");
		Map<String, Object> email = this.jdbc
			.sql("SELECT subject, body, sent_at FROM delivery WHERE ticket = :t AND channel = 'EMAIL'")
			.param("t", sent)
			.query()
			.singleRow();
		assertThat((String) email.get("subject")).contains(sent);
		assertThat(email.get("body")).isNotNull();
	}

	@Test
	void aDeliveryWhoseSenderDiedIsSentByTheNextOneAfterItsLease() throws Exception {
		String ticket = file(CaseData.form(CaseData.nik(), "PENDIDIKAN"));
		awaitDeliveries(ticket, 2);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				UPDATE delivery SET status = 'SENDING', attempts = 1, lease_until = :lease
				WHERE ticket = :t AND channel = 'EMAIL'""")
			.param("lease", java.sql.Timestamp.from(now.plus(Duration.ofMinutes(5))))
			.param("t", ticket)
			.update();

		this.sender.drain();
		assertThat(statuses(ticket)).as("held by a living sender").contains("EMAIL:SENDING:false");

		this.clock.advance(Duration.ofMinutes(6));
		try {
			this.sender.drain();
		}
		finally {
			this.clock.advance(Duration.ofMinutes(-6));
		}
		assertThat(statuses(ticket)).contains("EMAIL:SENT:true");
		assertThat(this.jdbc.sql("SELECT attempts FROM delivery WHERE ticket = :t AND channel = 'EMAIL'")
			.param("t", ticket)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	private List<String> statuses(String ticket) {
		return this.jdbc.sql("SELECT channel || ':' || status || ':' || outbox FROM delivery WHERE ticket = :t")
			.param("t", ticket)
			.query(String.class)
			.list();
	}

	private List<String> awaitDeliveries(String ticket, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(ticket).size() >= count);
		return deliveries(ticket);
	}

	private List<String> deliveries(String ticket) {
		return this.jdbc.sql("SELECT kind || ':' || channel || ':' || recipient FROM delivery WHERE ticket = :t")
			.param("t", ticket)
			.query(String.class)
			.list();
	}

	private String phoneOf(String username) {
		return this.jdbc.sql("SELECT phone FROM app_user WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

	private long userId(String username) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	private String file(MockMultipartHttpServletRequestBuilder form) throws Exception {
		String location = this.mvc.perform(form.cookie(this.muncar).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return location.substring("/kasus/".length());
	}

}
