package id.ugdkemiskinan.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import id.ugdkemiskinan.support.CaseData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Residents' messages from Meta's webhook into conversations, and their photos from Meta.
 */
class InboxIntakeTests extends InboxTestSupport {

	@Autowired
	MediaFetcher fetcher;

	@Test
	void aBadSignatureStoresNothing() throws Exception {
		String from = newPhone();
		String wamid = newWamid();
		byte[] body = body(MUNCAR_NUMBER, from, "Siti", textMessage(wamid, from, "Tolong"))
			.getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(post("/api/v1/whatsapp/webhook").contentType(MediaType.APPLICATION_JSON)
				.header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
				.content(body))
			.andExpect(status().isUnauthorized());
		assertThat(messagesWithWamid(wamid)).isZero();
	}

	@Test
	void aMessageIsStoredOncePerWamidAndAReplayChangesNothing() throws Exception {
		String from = newPhone();
		String wamid = newWamid();
		String body = body(MUNCAR_NUMBER, from, "Siti Aminah", textMessage(wamid, from, "Anak saya putus sekolah"));
		webhook(body).andExpect(status().isOk());
		Map<String, Object> first = conversationOf(from);
		assertThat(first.get("status")).isEqualTo("OPEN");
		assertThat(first.get("contact_name")).isEqualTo("Siti Aminah");
		assertThat(first.get("kecamatan_code")).isEqualTo(MUNCAR);
		assertThat(first.get("business_number")).isEqualTo(MUNCAR_NUMBER);

		this.clock.advance(Duration.ofMinutes(10));
		webhook(body).andExpect(status().isOk());
		assertThat(messagesWithWamid(wamid)).isEqualTo(1);
		assertThat(conversations(from)).isEqualTo(1);
		assertThat(conversationOf(from)).isEqualTo(first);
	}

	@Test
	void twoDeliveriesOfOneMessageAtOnceStoreOneRow() throws Exception {
		String from = newPhone();
		String wamid = newWamid();
		String body = body(MUNCAR_NUMBER, from, "Budi", textMessage(wamid, from, "Rumah saya bocor"));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return webhook(body).andReturn().getResponse().getStatus();
			}));
		}
		start.countDown();
		for (Future<Integer> answer : answers) {
			assertThat(answer.get()).isEqualTo(200);
		}
		pool.shutdown();
		assertThat(messagesWithWamid(wamid)).isEqualTo(1);
		assertThat(conversations(from)).isEqualTo(1);
	}

	@Test
	void aMessageWithin24HoursJoinsTheConversationAndOneAfter25HoursOpensANewOne() throws Exception {
		String from = newPhone();
		webhook(body(MUNCAR_NUMBER, from, "Siti", textMessage(newWamid(), from, "Halo"))).andExpect(status().isOk());
		this.clock.advance(Duration.ofHours(23));
		webhook(body(MUNCAR_NUMBER, from, "Siti", textMessage(newWamid(), from, "Masih menunggu")))
			.andExpect(status().isOk());
		assertThat(conversations(from)).isEqualTo(1);
		this.clock.advance(Duration.ofHours(25));
		webhook(body(MUNCAR_NUMBER, from, "Siti", textMessage(newWamid(), from, "Halo lagi")))
			.andExpect(status().isOk());
		assertThat(conversations(from)).isEqualTo(2);
		// The same phone to another number is another conversation.
		webhook(body(GENTENG_NUMBER, from, "Siti", textMessage(newWamid(), from, "Ke Genteng")))
			.andExpect(status().isOk());
		assertThat(conversations(from)).isEqualTo(3);
	}

	@Test
	void eachNumberLandsInItsKecamatanAndAnUnknownOneAtTheSecretariat() throws Exception {
		String toGenteng = newPhone();
		webhook(body(GENTENG_NUMBER, toGenteng, "A", textMessage(newWamid(), toGenteng, "x")))
			.andExpect(status().isOk());
		assertThat(conversationOf(toGenteng).get("kecamatan_code")).isEqualTo("35.10.09");
		String toSecretariat = newPhone();
		webhook(body(SECRETARIAT_NUMBER, toSecretariat, "B", textMessage(newWamid(), toSecretariat, "y")))
			.andExpect(status().isOk());
		assertThat(conversationOf(toSecretariat).get("kecamatan_code")).isNull();
	}

	@Test
	void everyTypeIsStoredAndMalformedMessagesAreSkipped() throws Exception {
		String from = newPhone();
		long now = this.clock.instant().getEpochSecond();
		String document = """
				{"from":"%s","id":"%s","timestamp":"%d","type":"document",
				 "document":{"id":"MEDIA-DOC","mime_type":"application/pdf","filename":"surat.pdf","caption":"Surat RT"}}
				"""
			.formatted(from, newWamid(), now);
		String button = """
				{"from":"%s","id":"%s","timestamp":"%d","type":"button","button":{"payload":"TANYA","text":"Tanya"}}
				""".formatted(from, newWamid(), now);
		String interactive = """
				{"from":"%s","id":"%s","timestamp":"%d","type":"interactive",
				 "interactive":{"type":"button_reply","button_reply":{"id":"opsi-1","title":"Ya"}}}
				""".formatted(from, newWamid(), now);
		String audio = """
				{"from":"%s","id":"%s","timestamp":"%d","type":"audio","audio":{"id":"AUDIO-1"}}
				""".formatted(from, newWamid(), now);
		String noId = """
				{"from":"%s","timestamp":"%d","type":"text","text":{"body":"tanpa id"}}
				""".formatted(from, now);
		String badFrom = """
				{"from":"+62 abc","id":"%s","timestamp":"%d","type":"text","text":{"body":"x"}}
				""".formatted(newWamid(), now);
		String badTime = """
				{"from":"%s","id":"%s","timestamp":"kemarin","type":"text","text":{"body":"x"}}
				""".formatted(from, newWamid());
		webhook(body(MUNCAR_NUMBER, from, "Siti", imageMessage(newWamid(), from, "MEDIA-IMG", "Foto rumah"), document,
				button, interactive, audio, noId, badFrom, badTime, "42", "null"))
			.andExpect(status().isOk());
		long conversation = (Long) conversationOf(from).get("id");
		List<Map<String, Object>> rows = this.jdbc.sql(
				"SELECT type, body, media_id, media_status, media_filename FROM wa_message WHERE conversation_id = :c ORDER BY id")
			.param("c", conversation)
			.query()
			.listOfRows();
		assertThat(rows).extracting((row) -> row.get("type"))
			.containsExactly("image", "document", "button", "interactive", "audio");
		assertThat(rows.get(0)).containsEntry("body", "Foto rumah")
			.containsEntry("media_id", "MEDIA-IMG")
			.containsEntry("media_status", "PENDING");
		assertThat(rows.get(1)).containsEntry("media_filename", "surat.pdf").containsEntry("media_status", "PENDING");
		assertThat(rows.get(2)).containsEntry("body", "Tanya");
		assertThat(rows.get(3)).containsEntry("body", "Ya");
		assertThat(rows.get(4)).containsEntry("body", "[audio]").containsEntry("media_status", null);
	}

	@Test
	void aPhotoIsFetchedFromMetaAfterTheWebhookAnswered() throws Exception {
		String from = newPhone();
		String wamid = newWamid();
		meta.stubFor(get(urlEqualTo("/v23.0/MEDIA-OK")).withHeader("Authorization", equalTo("Bearer test-token"))
			.willReturn(okJson("""
					{"url":"%s/files/ok","mime_type":"image/png","file_size":%d,"id":"MEDIA-OK"}
					""".formatted(meta.baseUrl(), CaseData.PNG.length))));
		meta.stubFor(get(urlEqualTo("/files/ok")).withHeader("Authorization", equalTo("Bearer test-token"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(CaseData.PNG)));
		webhook(body(MUNCAR_NUMBER, from, "Siti", imageMessage(wamid, from, "MEDIA-OK", "Rumah")))
			.andExpect(status().isOk());
		assertThat(mediaOf(wamid).get("media_status")).isEqualTo("PENDING");

		this.fetcher.fetchPending();

		Map<String, Object> row = mediaOf(wamid);
		assertThat(row.get("media_status")).isEqualTo("READY");
		assertThat(row.get("media_type")).isEqualTo("image/png");
		assertThat((byte[]) row.get("media_content")).isEqualTo(CaseData.PNG);
		meta.verify(1, getRequestedFor(urlEqualTo("/files/ok")));
	}

	@Test
	void aPhotoOverFiveMegabytesIsTooLargeByItsSizeOrWhileReading() throws Exception {
		String from = newPhone();
		String announced = newWamid();
		String unannounced = newWamid();
		meta.stubFor(get(urlEqualTo("/v23.0/MEDIA-BIG")).willReturn(okJson("""
				{"url":"%s/files/big","mime_type":"image/jpeg","file_size":9000000}
				""".formatted(meta.baseUrl()))));
		meta.stubFor(get(urlEqualTo("/v23.0/MEDIA-LIAR")).willReturn(okJson("""
				{"url":"%s/files/liar","mime_type":"image/jpeg","file_size":1000}
				""".formatted(meta.baseUrl()))));
		meta.stubFor(get(urlEqualTo("/files/liar")).willReturn(aResponse().withBody(new byte[5 * 1024 * 1024 + 10])));
		webhook(body(MUNCAR_NUMBER, from, "Siti", imageMessage(announced, from, "MEDIA-BIG", "a"),
				imageMessage(unannounced, from, "MEDIA-LIAR", "b")))
			.andExpect(status().isOk());

		this.fetcher.fetchPending();

		assertThat(mediaOf(announced).get("media_status")).isEqualTo("TOO_LARGE");
		assertThat(mediaOf(unannounced).get("media_status")).isEqualTo("TOO_LARGE");
		meta.verify(0, getRequestedFor(urlEqualTo("/files/big")));
	}

	@Test
	void aPhotoMetaDoesNotKnowFailsAndOneMetaCannotGiveNowIsTriedLater() throws Exception {
		String from = newPhone();
		String gone = newWamid();
		String later = newWamid();
		meta.stubFor(get(urlEqualTo("/v23.0/MEDIA-GONE"))
			.willReturn(aResponse().withStatus(404).withBody("{\"error\":{\"code\":100}}")));
		meta.stubFor(get(urlEqualTo("/v23.0/MEDIA-LATER")).willReturn(aResponse().withStatus(503)));
		webhook(body(MUNCAR_NUMBER, from, "Siti", imageMessage(gone, from, "MEDIA-GONE", "a"),
				imageMessage(later, from, "MEDIA-LATER", "b")))
			.andExpect(status().isOk());

		this.fetcher.fetchPending();

		assertThat(mediaOf(gone).get("media_status")).isEqualTo("FAILED");
		assertThat(mediaOf(later)).containsEntry("media_status", "PENDING").containsEntry("media_attempts", 1);
		// Not again before its back-off has passed.
		this.fetcher.fetchPending();
		assertThat(mediaOf(later).get("media_attempts")).isEqualTo(1);

		meta.stubFor(get(urlEqualTo("/v23.0/MEDIA-LATER")).willReturn(okJson("""
				{"url":"%s/files/later","mime_type":"image/png"}
				""".formatted(meta.baseUrl()))));
		meta.stubFor(get(urlEqualTo("/files/later")).willReturn(aResponse().withBody(CaseData.PNG)));
		this.clock.advance(Duration.ofMinutes(2));
		this.fetcher.fetchPending();
		assertThat(mediaOf(later).get("media_status")).isEqualTo("READY");
	}

	@Test
	void aFileThatIsNoPhotoNorPdfFails() throws Exception {
		String from = newPhone();
		String wamid = newWamid();
		meta.stubFor(get(urlEqualTo("/v23.0/MEDIA-HTML")).willReturn(okJson("""
				{"url":"%s/files/html","mime_type":"image/jpeg"}
				""".formatted(meta.baseUrl()))));
		meta.stubFor(
				get(urlEqualTo("/files/html")).willReturn(aResponse().withBody("<html><script>x</script></html>")));
		webhook(body(MUNCAR_NUMBER, from, "Siti", imageMessage(wamid, from, "MEDIA-HTML", "a")))
			.andExpect(status().isOk());
		this.fetcher.fetchPending();
		assertThat(mediaOf(wamid).get("media_status")).isEqualTo("FAILED");
	}

	private Map<String, Object> mediaOf(String wamid) {
		return this.jdbc
			.sql("SELECT media_status, media_type, media_content, media_attempts FROM wa_message WHERE wamid = :w")
			.param("w", wamid)
			.query()
			.singleRow();
	}

}
