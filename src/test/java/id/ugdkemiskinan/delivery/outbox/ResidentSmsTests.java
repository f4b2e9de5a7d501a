package id.ugdkemiskinan.delivery.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.ugdkemiskinan.cases.CaseFiled;
import id.ugdkemiskinan.cases.domain.AccessCodes;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Where WhatsApp is not configured (and no demo Kotak keluar stands in for it), a
 * consenting resident's update goes as an SMS request through the webhook: signed JSON
 * with {@code event: resident.sms}, the phone and the text.
 */
@IntegrationTest
@TestPropertySource(properties = { "ugd.test.database=resident_sms", "ugd.delivery.demo-outbox=false" })
class ResidentSmsTests {

	static final WireMockServer gateway = new WireMockServer(wireMockConfig().dynamicPort());

	static {
		gateway.start();
		gateway.stubFor(post(urlEqualTo("/sms-hook")).willReturn(aResponse().withStatus(204)));
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		registry.add("ugd.webhook.url", () -> gateway.baseUrl() + "/sms-hook");
		registry.add("ugd.webhook.secret", () -> "sms-secret");
	}

	@AfterAll
	static void stopServers() {
		gateway.stop();
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
	JsonMapper json;

	@Test
	void theReceiptGoesToTheGatewayAsASignedSmsRequest() throws Exception {
		String ticket = this.mvc.perform(
				CaseData.form(CaseData.nik(), "PENDIDIKAN").cookie(Logins.login(this.mvc, "upt.muncar")).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.substring("/kasus/".length());
		long caseId = this.jdbc.sql("SELECT id FROM case_file WHERE ticket = :t")
			.param("t", ticket)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO resident_consent (case_id, phone, given_at, given_by)
				SELECT :c, '+6281299990009', now(), id FROM app_user WHERE username = 'upt.muncar'""")
			.param("c", caseId)
			.update();
		long filed = this.jdbc.sql("SELECT id FROM case_event WHERE case_id = :c AND type = 'FILED'")
			.param("c", caseId)
			.query(Long.class)
			.single();

		this.listener.on(new CaseFiled(filed, caseId, ticket, "35.10.05", this.clock.instant()));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("""
						SELECT delivery_key || ' ' || recipient FROM delivery WHERE case_id = :c AND kind = 'RESIDENT_RECEIPT'""")
				.param("c", caseId)
				.query(String.class)
				.list()
				.equals(List.of("e" + filed + ":resident:WEBHOOK +6281299990009")));
		this.sender.drain();

		List<LoggedRequest> requests = gateway
			.findAll(postRequestedFor(urlEqualTo("/sms-hook")).withRequestBody(containing("resident.sms")));
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.get(0);
		assertThat(request.getHeader("X-UGD-Signature"))
			.isEqualTo("sha256=" + hmacHex("sms-secret", request.getBody()));
		assertThat(request.getHeader("X-UGD-Delivery")).isEqualTo("e" + filed + ":resident:WEBHOOK");
		JsonNode body = this.json.readTree(request.getBody());
		String code = AccessCodes.format(this.jdbc.sql("SELECT access_code FROM case_file WHERE id = :c")
			.param("c", caseId)
			.query(String.class)
			.single());
		assertThat(body.path("event").asString()).isEqualTo("resident.sms");
		assertThat(body.path("kind").asString()).isEqualTo("RESIDENT_RECEIPT");
		assertThat(body.path("phone").asString()).isEqualTo("+6281299990009");
		assertThat(body.path("text").asString()).contains(ticket, code, "Dinas Pendidikan", "/cek")
			.doesNotContain("Siti");
		assertThat(this.jdbc.sql("SELECT status FROM delivery WHERE case_id = :c AND kind = 'RESIDENT_RECEIPT'")
			.param("c", caseId)
			.query(String.class)
			.single()).isEqualTo("SENT");
	}

	private static String hmacHex(String secret, byte[] body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

}
