package id.ugdkemiskinan.inbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The inbox's tests share one application: Meta's Cloud API on WireMock, an app secret to
 * sign the webhook with, the number {@value #MUNCAR_NUMBER} routed to Muncar and
 * {@value #GENTENG_NUMBER} to Genteng (any other to the secretariat), and no photo
 * fetcher on a schedule (the tests run it).
 */
@IntegrationTest
@TestPropertySource(properties = { "ugd.test.database=inbox", "ugd.whatsapp.app-secret=" + InboxTestSupport.SECRET,
		"ugd.whatsapp.token=test-token", "ugd.inbox.media-enabled=false",
		"ugd.inbox.kecamatan-numbers." + InboxTestSupport.MUNCAR_NUMBER + "=35.10.05",
		"ugd.inbox.kecamatan-numbers." + InboxTestSupport.GENTENG_NUMBER + "=35.10.09" })
abstract class InboxTestSupport {

	static final String SECRET = "inbox-app-secret";

	static final String MUNCAR_NUMBER = "100000000000005";

	static final String GENTENG_NUMBER = "100000000000009";

	static final String SECRETARIAT_NUMBER = "100000000000001";

	static final String MUNCAR = "35.10.05";

	static final WireMockServer meta = new WireMockServer(wireMockConfig().dynamicPort());

	private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

	static {
		meta.start();
	}

	@DynamicPropertySource
	static void metaApi(DynamicPropertyRegistry registry) {
		registry.add("ugd.whatsapp.api-url", () -> meta.baseUrl() + "/v23.0");
	}

	@AfterAll
	static void resetMeta() {
		meta.resetAll();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void resetStubs() {
		meta.resetAll();
	}

	/** A fresh resident's number (digits, as Meta writes it). */
	static String newPhone() {
		return "62813" + String.format("%08d", SERIAL.incrementAndGet() % 100_000_000);
	}

	static String newWamid() {
		return "wamid.TEST" + SERIAL.incrementAndGet();
	}

	/** A text message as Meta's webhook carries it. */
	String textMessage(String wamid, String from, String body) {
		return """
				{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}
				""".formatted(from, wamid, this.clock.instant().getEpochSecond(), body);
	}

	String imageMessage(String wamid, String from, String mediaId, String caption) {
		return """
				{"from":"%s","id":"%s","timestamp":"%d","type":"image",
				 "image":{"id":"%s","mime_type":"image/jpeg","caption":"%s"}}
				""".formatted(from, wamid, this.clock.instant().getEpochSecond(), mediaId, caption);
	}

	/**
	 * The webhook's body: one entry, one change, the messages given to the number given.
	 */
	static String body(String phoneNumberId, String from, String name, String... messages) {
		return """
				{"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
				 "messaging_product":"whatsapp","metadata":{"display_phone_number":"6281100000000","phone_number_id":"%s"},
				 "contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],
				 "messages":[%s]}}]}]}
				"""
			.formatted(phoneNumberId, name, from, String.join(",", List.of(messages)));
	}

	ResultActions webhook(String body) throws Exception {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return this.mvc.perform(post("/api/v1/whatsapp/webhook").contentType(MediaType.APPLICATION_JSON)
			.header("X-Hub-Signature-256", "sha256=" + hmac(bytes))
			.content(bytes));
	}

	static String hmac(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Map<String, Object> conversationOf(String phoneDigits) {
		return this.jdbc.sql("SELECT * FROM wa_conversation WHERE phone = :p ORDER BY id DESC LIMIT 1")
			.param("p", "+" + phoneDigits)
			.query()
			.singleRow();
	}

	long conversations(String phoneDigits) {
		return this.jdbc.sql("SELECT count(*) FROM wa_conversation WHERE phone = :p")
			.param("p", "+" + phoneDigits)
			.query(Long.class)
			.single();
	}

	long messagesWithWamid(String wamid) {
		return this.jdbc.sql("SELECT count(*) FROM wa_message WHERE wamid = :w")
			.param("w", wamid)
			.query(Long.class)
			.single();
	}

}
