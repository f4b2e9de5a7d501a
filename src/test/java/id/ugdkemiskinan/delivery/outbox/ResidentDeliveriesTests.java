package id.ugdkemiskinan.delivery.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.ugdkemiskinan.cases.CaseClosed;
import id.ugdkemiskinan.cases.CaseFiled;
import id.ugdkemiskinan.cases.ResidentAnswered;
import id.ugdkemiskinan.cases.domain.AccessCodes;
import id.ugdkemiskinan.delivery.ResidentMessages;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Updates to the resident, with consent only, once per event, on WhatsApp (Meta's API at
 * WireMock); the inbox's replies; and the staff's notice of a "belum tertangani" by email
 * (GreenMail) and the bell. The cases' events come from the real flows through MockMvc;
 * the consent is inserted after filing (the receipt's checkbox is another module's), so
 * the filing's listener is run again by hand (asynchronously, as it always runs), as a
 * restart would.
 */
@IntegrationTest
@TestPropertySource(properties = { "ugd.test.database=resident_messages", "ugd.mail.from=ugd@banyuwangi.test" })
class ResidentDeliveriesTests {

	static final String PATH = "/v23.0/106540352242922/messages";

	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final WireMockServer meta = new WireMockServer(wireMockConfig().dynamicPort());

	static {
		smtp.start();
		meta.start();
		meta.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"messaging_product\": \"whatsapp\", \"messages\": [{\"id\": \"wamid.RESIDENT\"}]}")));
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("ugd.whatsapp.api-url", () -> meta.baseUrl() + "/v23.0");
		registry.add("ugd.whatsapp.phone-number-id", () -> "106540352242922");
		registry.add("ugd.whatsapp.token", () -> "resident-token");
	}

	@AfterAll
	static void stopServers() {
		smtp.stop();
		meta.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	DeliverySender sender;

	@Autowired
	ResidentDeliveries listener;

	@Autowired
	ResidentMessages messages;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aConsentingResidentHearsOfTheFilingTheFirstResponseTheResolutionAndTheClosingOnWhatsApp() throws Exception {
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		Cookie dinkes = Logins.login(this.mvc, "dinkes");
		String ticket = file(upt, "KESEHATAN");
		long caseId = caseId(ticket);
		consent(caseId, "+6281299990001");
		CaseFiled filed = filed(caseId, ticket);

		this.listener.on(filed);
		this.listener.on(filed);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> residentRows(caseId).equals(List.of("RESIDENT_RECEIPT:WHATSAPP:+6281299990001")));

		long task = this.jdbc.sql("SELECT id FROM assignment WHERE case_id = :c")
			.param("c", caseId)
			.query(Long.class)
			.single();
		ok(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/penugasan/{id}/respon", task)
			.param("note", "Petugas puskesmas mengunjungi rumah warga hari ini."), dinkes);
		ok(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/penugasan/{id}/progres", task)
			.param("note", "Pendaftaran PBI-JKN diajukan."), dinkes);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> residentRows(caseId).contains("RESIDENT_RESPONDED:WHATSAPP:+6281299990001"));
		ok(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/penugasan/{id}/selesai", task)
			.param("intervention", "PBI_JKN")
			.param("note", "Warga sudah terdaftar PBI-JKN."), dinkes);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> residentRows(caseId).contains("RESIDENT_RESOLVED:WHATSAPP:+6281299990001"));
		ok(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/kasus/{t}/tutup", ticket)
			.param("note", "Warga mengonfirmasi sudah terdaftar."), upt);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> residentRows(caseId).contains("RESIDENT_CLOSED:WHATSAPP:+6281299990001"));
		assertThat(residentRows(caseId)).hasSize(4);

		this.sender.drain();

		String code = AccessCodes.format(this.jdbc.sql("SELECT access_code FROM case_file WHERE id = :c")
			.param("c", caseId)
			.query(String.class)
			.single());
		meta.verify(1, toResident("6281299990001", "ugd_warga_tanda_terima")
			.withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text", containing(ticket)))
			.withRequestBody(matchingJsonPath("$.template.components[0].parameters[1].text", containing(code)))
			.withRequestBody(
					matchingJsonPath("$.template.components[0].parameters[3].text", containing("Dinas Kesehatan")))
			.withRequestBody(matchingJsonPath("$.template.components[0].parameters[4].text",
					containing("http://localhost:8080/cek"))));
		meta.verify(1, toResident("6281299990001", "ugd_warga_direspon").withRequestBody(
				matchingJsonPath("$.template.components[0].parameters[1].text", containing("Dinas Kesehatan"))));
		meta.verify(1,
				toResident("6281299990001", "ugd_warga_sudah_tertangani")
					.withRequestBody(matchingJsonPath("$.template.components[1].parameters[0].payload",
							containing("ugd-fb:" + ticket + ":SUDAH")))
					.withRequestBody(matchingJsonPath("$.template.components[2].parameters[0].payload",
							containing("ugd-fb:" + ticket + ":BELUM"))));
		meta.verify(1, toResident("6281299990001", "ugd_warga_ditutup"));
		assertThat(meta.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("6281299990001"))))
			.allSatisfy((request) -> assertThat(request.getBodyAsString()).doesNotContain("Siti", "Dusun"));
		assertThat(this.jdbc.sql("""
				SELECT status || ':' || coalesce(provider_id, '-') FROM delivery
				WHERE case_id = :c AND kind LIKE 'RESIDENT_%'""").param("c", caseId).query(String.class).list())
			.containsOnly("SENT:wamid.RESIDENT");
		assertThat(this.jdbc.sql("SELECT body FROM delivery WHERE case_id = :c AND kind = 'RESIDENT_RECEIPT'")
			.param("c", caseId)
			.query(String.class)
			.single()).as("the log does not show the code to staff").contains(ticket).doesNotContain(code);
	}

	@Test
	void withoutConsentNoUpdateIsWritten() throws Exception {
		String ticket = file(Logins.login(this.mvc, "upt.muncar"), "PENDIDIKAN");
		long caseId = caseId(ticket);

		this.listener.on(filed(caseId, ticket));
		this.listener.on(new CaseClosed(900_000_000L + caseId, caseId, ticket, "35.10.05", this.clock.instant()));

		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> residentRows(caseId).isEmpty());
	}

	@Test
	void aConsentWithdrawnSkipsThePendingUpdateAndNoneIsWrittenAfter() throws Exception {
		String ticket = file(Logins.login(this.mvc, "upt.muncar"), "PENDIDIKAN");
		long caseId = caseId(ticket);
		consent(caseId, "+6281299990002");
		this.listener.on(filed(caseId, ticket));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> residentRows(caseId).equals(List.of("RESIDENT_RECEIPT:WHATSAPP:+6281299990002")));

		this.jdbc.sql("""
				UPDATE resident_consent SET withdrawn_at = :now, withdrawn_via = 'STATUS_PAGE' WHERE case_id = :c""")
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.param("c", caseId)
			.update();
		this.sender.drain();

		assertThat(this.jdbc
			.sql("SELECT status || ':' || last_error FROM delivery WHERE case_id = :c AND kind = 'RESIDENT_RECEIPT'")
			.param("c", caseId)
			.query(String.class)
			.single()).startsWith("SKIPPED:").contains("menarik persetujuan");
		assertThat(meta.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("6281299990002"))))
			.isEmpty();
		this.listener.on(new CaseClosed(900_000_000L + caseId, caseId, ticket, "35.10.05", this.clock.instant()));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> residentRows(caseId).size() == 1);
	}

	@Test
	void inboxRepliesAreWrittenOnceAndGoAsFreeTextInsideTheWindowAndAsTheTemplateOutside() {
		Instant now = this.clock.instant();
		long inside = this.messages.reply("wa-reply:test-inside", "+6281299990003", "Baik Bu, petugas segera datang.",
				now.minus(Duration.ofHours(1)), null, now);
		assertThat(this.messages.reply("wa-reply:test-inside", "+6281299990003", "Baik Bu, petugas segera datang.",
				now.minus(Duration.ofHours(1)), null, now))
			.isEqualTo(inside);
		this.messages.reply("wa-reply:test-outside", "+6281299990003", "Apakah bantuan sudah diterima?",
				now.minus(Duration.ofHours(25)), null, now);

		this.sender.drain();

		meta.verify(1,
				postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.type", containing("text")))
					.withRequestBody(matchingJsonPath("$.to", containing("6281299990003")))
					.withRequestBody(matchingJsonPath("$.text.body", containing("Baik Bu, petugas segera datang."))));
		meta.verify(1, toResident("6281299990003", "ugd_balasan").withRequestBody(
				matchingJsonPath("$.template.components[0].parameters[0].text", containing("Apakah bantuan"))));
		assertThat(this.jdbc.sql("SELECT status FROM delivery WHERE delivery_key LIKE 'wa-reply:test-%'")
			.query(String.class)
			.list()).containsExactly("SENT", "SENT");
	}

	@Test
	void aBelumTertanganiReachesTheSecretariatAndTheKecamatansUptByEmailAndTheBell() throws Exception {
		this.jdbc.sql("""
				UPDATE app_user SET email = replace(username, '.', '-') || '@ugd.test'
				WHERE username IN ('sekretariat', 'upt.muncar', 'upt.genteng')""").update();
		String ticket = file(Logins.login(this.mvc, "upt.muncar"), "PENDIDIKAN");
		long caseId = caseId(ticket);
		Instant now = this.clock.instant();
		long reopened = event(caseId, "RESIDENT_REOPENED", now);
		long confirmed = event(caseId, "RESIDENT_CONFIRMED", now);

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.events
				.publishEvent(new ResidentAnswered(confirmed, caseId, ticket, "35.10.05", true, 5, "STATUS_PAGE", now));
			this.events.publishEvent(
					new ResidentAnswered(reopened, caseId, ticket, "35.10.05", false, null, "STATUS_PAGE", now));
		});

		List<String> bell = this.jdbc.sql("""
				SELECT u.username || ':' || u.role || ':' || coalesce(u.kecamatan_code, '-') || ':' || n.event_id
				FROM notification n JOIN app_user u ON u.id = n.user_id
				WHERE n.case_id = :c AND n.kind = 'RESIDENT_REOPENED'""").param("c", caseId).query(String.class).list();
		assertThat(bell)
			.contains("sekretariat:SEKRETARIAT:-:" + reopened, "upt.muncar:OPERATOR_UPT:35.10.05:" + reopened)
			.allMatch((row) -> row.contains(":SEKRETARIAT:") || row.contains(":OPERATOR_UPT:35.10.05:"))
			.noneMatch((row) -> row.startsWith("upt.genteng:"));
		assertThat(this.mvc.perform(get("/notifikasi").cookie(Logins.login(this.mvc, "sekretariat")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Warga menjawab belum tertangani: kasus dibuka kembali", ticket);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql(
					"SELECT recipient FROM delivery WHERE case_id = :c AND kind = 'RESIDENT_REOPENED' AND channel = 'EMAIL'")
				.param("c", caseId)
				.query(String.class)
				.list()
				.containsAll(List.of("sekretariat@ugd.test", "upt-muncar@ugd.test")));
		assertThat(this.jdbc.sql("SELECT recipient FROM delivery WHERE case_id = :c AND kind = 'RESIDENT_REOPENED'")
			.param("c", caseId)
			.query(String.class)
			.list()).doesNotContain("upt-genteng@ugd.test");
		this.sender.drain();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mailsTo("sekretariat@ugd.test", ticket).size() == 1
					&& mailsTo("upt-muncar@ugd.test", ticket).size() == 1);
		assertThat(mailsTo("sekretariat@ugd.test", ticket).get(0).getSubject())
			.startsWith("Dibuka kembali oleh warga " + ticket);
		assertThat(mailsTo("upt-genteng@ugd.test", ticket)).isEmpty();
	}

	private com.github.tomakehurst.wiremock.matching.RequestPatternBuilder toResident(String to, String template) {
		return postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.to", containing(to)))
			.withRequestBody(matchingJsonPath("$.template.name", containing(template)));
	}

	private String file(Cookie upt, String... categories) throws Exception {
		MvcResult result = this.mvc
			.perform(CaseData.form(CaseData.nik(), java.util.Map.of("confirmDuplicate", "true"), categories)
				.cookie(upt)
				.with(csrf()))
			.andReturn();
		return result.getResponse().getRedirectedUrl().substring("/kasus/".length());
	}

	private void ok(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
		MvcResult result = this.mvc.perform(request.cookie(session).with(csrf())).andReturn();
		assertThat(result.getFlashMap().get("actionError")).as("refused: %s", result.getFlashMap()).isNull();
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/kasus/UGD-");
	}

	private long caseId(String ticket) {
		return this.jdbc.sql("SELECT id FROM case_file WHERE ticket = :t")
			.param("t", ticket)
			.query(Long.class)
			.single();
	}

	private void consent(long caseId, String phone) {
		this.jdbc.sql("""
				INSERT INTO resident_consent (case_id, phone, given_at, given_by)
				SELECT :c, :p, now(), id FROM app_user WHERE username = 'upt.muncar'""")
			.param("c", caseId)
			.param("p", phone)
			.update();
	}

	private CaseFiled filed(long caseId, String ticket) {
		long eventId = this.jdbc.sql("SELECT id FROM case_event WHERE case_id = :c AND type = 'FILED'")
			.param("c", caseId)
			.query(Long.class)
			.single();
		return new CaseFiled(eventId, caseId, ticket, "35.10.05", this.clock.instant());
	}

	private long event(long caseId, String type, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO case_event (case_id, type, occurred_at, actor_name) VALUES (:c, :t, :at, 'Warga')
				RETURNING id""")
			.param("c", caseId)
			.param("t", type)
			.param("at", java.sql.Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	private List<String> residentRows(long caseId) {
		return this.jdbc.sql("""
				SELECT kind || ':' || channel || ':' || recipient FROM delivery
				WHERE case_id = :c AND kind LIKE 'RESIDENT\\_%' AND kind <> 'RESIDENT_REOPENED' ORDER BY id""")
			.param("c", caseId)
			.query(String.class)
			.list();
	}

	private static List<MimeMessage> mailsTo(String address, String ticket) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> a.toString().equals(address)) && m.getSubject().contains(ticket);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
