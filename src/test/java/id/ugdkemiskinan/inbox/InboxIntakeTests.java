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

	/**
	 * A tap on the "sudah tertangani?" buttons of a resolved case's message is the
	 * resident's answer: from the consenting number only, once; "BERHENTI" stops the
	 * updates to the number.
	 */
	@Test
	void aTapOnBelumReopensTheCaseOnceAndBerhentiStopsTheUpdates() throws Exception {
		String from = newPhone();
		String ticket = "UGD-WA-" + from.substring(from.length() - 6);
		long caseId = this.jdbc
			.sql("""
					INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
					    beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by, resolved_at)
					VALUES (:ticket, 'ABCDEFGHJK', 'SELESAI', 'NORMAL', '35.10.05', '35.10.05.2002', 'Alamat', 'Warga',
					    'Uji', 'WHATSAPP', 'Tombol', :filed, (SELECT id FROM app_user WHERE username = 'upt.muncar'), :resolved)
					RETURNING id""")
			.param("ticket", ticket)
			.param("filed", java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(2))))
			.param("resolved", java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofHours(3))))
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO case_category (case_id, category_code) VALUES (:c, 'BANTUAN_SOSIAL')")
			.param("c", caseId)
			.update();
		this.jdbc
			.sql("""
					INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at)
					VALUES (:c, 'DINSOS', 'SELESAI', :a, :due, :risk, :a, :closed)""")
			.param("c", caseId)
			.param("a", java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(2))))
			.param("due",
					java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(2)).plus(Duration.ofHours(4))))
			.param("risk",
					java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(2)).plus(Duration.ofHours(3))))
			.param("closed", java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofHours(3))))
			.update();
		this.jdbc.sql("""
				INSERT INTO resident_consent (case_id, phone, given_at, given_by)
				VALUES (:c, :phone, :at, (SELECT id FROM app_user WHERE username = 'upt.muncar'))""")
			.param("c", caseId)
			.param("phone", "+" + from)
			.param("at", java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(2))))
			.update();
		String stranger = newPhone();
		webhook(body(MUNCAR_NUMBER, stranger, "Orang lain", tap(newWamid(), stranger, ticket, "BELUM")))
			.andExpect(status().isOk());
		assertThat(feedback(caseId)).as("another number's tap").isZero();

		String wamid = newWamid();
		String tap = body(MUNCAR_NUMBER, from, "Siti", tap(wamid, from, ticket, "BELUM"));
		webhook(tap).andExpect(status().isOk());
		webhook(tap).andExpect(status().isOk());
		webhook(body(MUNCAR_NUMBER, from, "Siti", tap(newWamid(), from, ticket, "BELUM"))).andExpect(status().isOk());
		assertThat(feedback(caseId)).isEqualTo(1);
		assertThat(
				this.jdbc.sql("SELECT answer || ':' || via || ':' || comment FROM resident_feedback WHERE case_id = :c")
					.param("c", caseId)
					.query(String.class)
					.single())
			.isEqualTo("BELUM:WHATSAPP:(dijawab lewat WhatsApp)");
		assertThat(this.jdbc.sql("SELECT status FROM case_file WHERE id = :c")
			.param("c", caseId)
			.query(String.class)
			.single()).isEqualTo("TERBUKA");
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM assignment WHERE case_id = :c AND dinas_code = 'KESRA' AND status = 'MENUNGGU_RESPON'")
			.param("c", caseId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(messagesWithWamid(wamid)).as("the tap stays in its conversation").isEqualTo(1);

		webhook(body(MUNCAR_NUMBER, from, "Siti", textMessage(newWamid(), from, " berhenti ")))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT withdrawn_via FROM resident_consent WHERE case_id = :c")
			.param("c", caseId)
			.query(String.class)
			.single()).isEqualTo("WHATSAPP");
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM case_event WHERE case_id = :c AND type = 'CONSENT_WITHDRAWN' AND actor_role = 'WARGA'")
			.param("c", caseId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private String tap(String wamid, String from, String ticket, String answer) {
		return """
				{"from":"%s","id":"%s","timestamp":"%d","type":"button",
				 "button":{"payload":"ugd-fb:%s:%s","text":"%s"}}
				""".formatted(from, wamid, this.clock.instant().getEpochSecond(), ticket, answer,
				"BELUM".equals(answer) ? "Belum" : "Sudah");
	}

	private long feedback(long caseId) {
		return this.jdbc.sql("SELECT count(*) FROM resident_feedback WHERE case_id = :c")
			.param("c", caseId)
			.query(Long.class)
			.single();
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
