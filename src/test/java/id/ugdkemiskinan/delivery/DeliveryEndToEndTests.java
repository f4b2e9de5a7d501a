package id.ugdkemiskinan.delivery;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.ugdkemiskinan.sla.SlaSweeper;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

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

/**
 * The "done when": a dinas officer with an email address and a WhatsApp number
 * receives, on real protocols against test servers (GreenMail's SMTP, WireMock for the
 * Graph API and a webhook receiver), the new-assignment message within a minute of the
 * filing and the breach message within a minute of the breach, with the background sender
 * running as in production (configured channels send for real in demo mode too).
 */
@IntegrationTest
@TestPropertySource(properties = { "ugd.test.database=delivery_e2e", "ugd.delivery.sender-enabled=true",
		"ugd.delivery.poll-interval=PT0.5S", "ugd.mail.from=ugd@banyuwangi.test" })
class DeliveryEndToEndTests {

	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final WireMockServer http = new WireMockServer(wireMockConfig().dynamicPort());

	static {
		smtp.start();
		http.start();
		http.stubFor(post(urlEqualTo("/v23.0/106540352242922/messages")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"messaging_product\": \"whatsapp\", \"messages\": [{\"id\": \"wamid.E2E\"}]}")));
		http.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("ugd.whatsapp.api-url", () -> http.baseUrl() + "/v23.0");
		registry.add("ugd.whatsapp.phone-number-id", () -> "106540352242922");
		registry.add("ugd.whatsapp.token", () -> "e2e-token");
		registry.add("ugd.webhook.url", () -> http.baseUrl() + "/hook");
		registry.add("ugd.webhook.secret", () -> "e2e-secret");
	}

	@AfterAll
	static void stopServers() {
		smtp.stop();
		http.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SlaSweeper sweeper;

	@Test
	void aDinasOfficerHearsOfANewAssignmentAndOfItsBreachByEmailAndWhatsApp() throws Exception {
		this.jdbc
			.sql("UPDATE app_user SET email = 'petugas.dindik@ugd.test', phone = '+6281200000042'"
					+ " WHERE username = 'dindik'")
			.update();
		this.jdbc.sql("""
				INSERT INTO delivery_preference (user_id, kind, channel, enabled)
				SELECT id, 'NEW_ASSIGNMENT', 'WHATSAPP', true FROM app_user WHERE username = 'dindik'
				ON CONFLICT DO NOTHING""").update();
		String location = this.mvc.perform(
				CaseData.form(CaseData.nik(), "PENDIDIKAN").cookie(Logins.login(this.mvc, "upt.muncar")).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String ticket = location.substring("/kasus/".length());

		await().atMost(Duration.ofMinutes(1)).until(() -> mailsTo("petugas.dindik@ugd.test", ticket).size() == 1);
		MimeMessage assigned = mailsTo("petugas.dindik@ugd.test", ticket).get(0);
		assertThat(assigned.getSubject()).startsWith("Penugasan baru " + ticket);
		assertThat(GreenMailUtil.getWholeMessage(assigned)).contains("Muncar", "Pendidikan", " WIB")
			.doesNotContain("Siti Aminah", CaseData.MUNCAR_DESA);
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> http.verify(1,
					postRequestedFor(urlEqualTo("/v23.0/106540352242922/messages"))
						.withRequestBody(matchingJsonPath("$.to", containing("6281200000042")))
						.withRequestBody(matchingJsonPath("$.template.name", containing("ugd_penugasan_baru")))
						.withRequestBody(containing(ticket))));
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					SELECT provider_id FROM delivery
					WHERE ticket = :t AND channel = 'WHATSAPP' AND kind = 'NEW_ASSIGNMENT' AND status = 'SENT'""")
				.param("t", ticket)
				.query(String.class)
				.list()).containsExactly("wamid.E2E"));

		this.clock.advance(Duration.ofHours(4).plusMinutes(1));
		this.sweeper.sweep();

		await().atMost(Duration.ofMinutes(1))
			.until(() -> mailsTo("petugas.dindik@ugd.test", ticket).stream().anyMatch(this::isBreach));
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> http.verify(1,
					postRequestedFor(urlEqualTo("/v23.0/106540352242922/messages"))
						.withRequestBody(matchingJsonPath("$.template.name", containing("ugd_melewati_batas")))
						.withRequestBody(containing(ticket))));
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(
					http.findAll(postRequestedFor(urlEqualTo("/hook")).withRequestBody(containing(ticket))
						.withHeader("X-UGD-Signature", containing("sha256="))))
				.as("new, at risk, breached")
				.hasSize(3));
	}

	private boolean isBreach(MimeMessage message) {
		try {
			return message.getSubject().startsWith("Melewati batas waktu");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
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
