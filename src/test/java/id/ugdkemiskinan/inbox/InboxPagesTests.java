package id.ugdkemiskinan.inbox;

import java.time.Duration;
import java.util.Map;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.Logins;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inbox's pages and actions, in scope, with their bad values. */
class InboxPagesTests extends InboxTestSupport {

	private Cookie muncar;

	private Cookie genteng;

	private Cookie secretariat;

	@BeforeEach
	void logIn() throws Exception {
		this.muncar = Logins.login(this.mvc, "upt.muncar");
		this.genteng = Logins.login(this.mvc, "upt.genteng");
		this.secretariat = Logins.login(this.mvc, "sekretariat");
	}

	/** A conversation of Muncar with a text and a READY photo, through the simulation. */
	private long simulated(String phone, String text, String kecamatan) throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/pesan-masuk/simulasi")
				.file(new MockMultipartFile("photo", "rumah.png", "image/png", CaseData.PNG))
				.param("phone", phone)
				.param("name", "Siti Aminah")
				.param("text", text)
				.param("kecamatan", kecamatan)
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return (Long) result.getFlashMap().get("simulatedConversation");
	}

	private long version(long conversation) {
		return this.jdbc.sql("SELECT version FROM wa_conversation WHERE id = :id")
			.param("id", conversation)
			.query(Long.class)
			.single();
	}

	private Map<String, Object> row(long conversation) {
		return this.jdbc.sql("SELECT * FROM wa_conversation WHERE id = :id")
			.param("id", conversation)
			.query()
			.singleRow();
	}

	@Test
	void aConversationBecomesACaseWithItsPhotoInOneSubmit() throws Exception {
		long conversation = simulated("0813-1111-2201", "Ibu saya sakit dan tidak punya BPJS.", MUNCAR);
		long photo = this.jdbc.sql("SELECT id FROM wa_message WHERE conversation_id = :c AND media_status = 'READY'")
			.param("c", conversation)
			.query(Long.class)
			.single();
		this.mvc.perform(get("/pesan-masuk/{id}", conversation).cookie(this.muncar))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/kasus/baru?percakapan=" + conversation)))
			.andExpect(content().string(containsString("/pesan-masuk/" + conversation + "/media/" + photo)));
		this.mvc.perform(get("/kasus/baru").param("percakapan", Long.toString(conversation)).cookie(this.muncar))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ibu saya sakit dan tidak punya BPJS.")))
			.andExpect(content().string(containsString("value=\"+6281311112201\"")))
			.andExpect(content().string(containsString("name=\"lampiranPercakapan\" value=\"" + photo + "\"")))
			.andExpect(content().string(containsString("name=\"percakapan\" value=\"" + conversation + "\"")));

		MvcResult filed = this.mvc
			.perform(CaseData
				.form(CaseData.nik(),
						Map.of("channel", "WHATSAPP", "beneficiaryPhone", "+6281311112201", "description",
								"Ibu saya sakit dan tidak punya BPJS.", "confirmDuplicate", "true"),
						"KESEHATAN")
				.param("percakapan", Long.toString(conversation))
				.param("lampiranPercakapan", Long.toString(photo))
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String ticket = filed.getResponse().getRedirectedUrl().substring("/kasus/".length());
		Map<String, Object> kase = this.jdbc.sql("SELECT id, channel FROM case_file WHERE ticket = :t")
			.param("t", ticket)
			.query()
			.singleRow();
		assertThat(kase.get("channel")).isEqualTo("WHATSAPP");
		Map<String, Object> attachment = this.jdbc
			.sql("SELECT filename, content_type, content FROM attachment WHERE case_id = :c")
			.param("c", kase.get("id"))
			.query()
			.singleRow();
		assertThat(attachment.get("content_type")).isEqualTo("image/png");
		assertThat((byte[]) attachment.get("content")).isEqualTo(CaseData.PNG);
		assertThat(row(conversation)).containsEntry("status", "FILED").containsEntry("case_id", kase.get("id"));

		// Filing it again (another tab) is refused with a message, and files nothing.
		long cases = this.jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
		this.mvc
			.perform(CaseData.form(CaseData.nik(), Map.of("confirmDuplicate", "true"), "KESEHATAN")
				.param("percakapan", Long.toString(conversation))
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sudah tidak bisa dijadikan kasus")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single()).isEqualTo(cases);
		this.mvc.perform(get("/kasus/baru").param("percakapan", Long.toString(conversation)).cookie(this.muncar))
			.andExpect(status().isNotFound());

		// A new message within 24 hours joins it and shows as new after the case.
		this.clock.advance(Duration.ofMinutes(5));
		simulated("081311112201", "Sudah ada petugas?", MUNCAR);
		this.mvc.perform(get("/pesan-masuk/{id}", conversation).cookie(this.muncar))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("new-after-case")))
			.andExpect(content().string(containsString("Sudah ada petugas?")));
	}

	@Test
	void aSourceOfAnotherKecamatanOrNotANumberIsRefused() throws Exception {
		long conversation = simulated("0813-1111-2202", "Rumah bocor", MUNCAR);
		this.mvc.perform(get("/kasus/baru").param("percakapan", Long.toString(conversation)).cookie(this.genteng))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/kasus/baru").param("percakapan", "abc").cookie(this.muncar))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/kasus/baru").param("percakapan", "99999999999").cookie(this.muncar))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(CaseData.form(CaseData.nik(), Map.of("confirmDuplicate", "true"), "KESEHATAN")
				.param("percakapan", "x1")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		// A foreign photo key is left out, not attached.
		MvcResult filed = this.mvc
			.perform(CaseData.form(CaseData.nik(), Map.of("confirmDuplicate", "true"), "KESEHATAN")
				.param("percakapan", Long.toString(conversation))
				.param("lampiranPercakapan", "1", "bukan-angka")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String ticket = filed.getResponse().getRedirectedUrl().substring("/kasus/".length());
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM attachment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t")
			.param("t", ticket)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anOperatorSeesOnlyTheirKecamatansConversations() throws Exception {
		long conversation = simulated("0813-1111-2203", "Tolong bantu", MUNCAR);
		long photo = this.jdbc.sql("SELECT max(id) FROM wa_message WHERE conversation_id = :c")
			.param("c", conversation)
			.query(Long.class)
			.single();
		this.mvc.perform(get("/pesan-masuk").cookie(this.muncar))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/pesan-masuk/" + conversation + "\"")))
			.andExpect(content().string(containsString("+62813•••2203")))
			.andExpect(content().string(not(containsString("+6281311112203"))));
		this.mvc.perform(get("/pesan-masuk").cookie(this.genteng))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/pesan-masuk/" + conversation + "\""))));
		this.mvc.perform(get("/pesan-masuk/{id}", conversation).cookie(this.genteng)).andExpect(status().isNotFound());
		this.mvc.perform(get("/pesan-masuk/{id}/media/{m}", conversation, photo).cookie(this.genteng))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/pesan-masuk/{id}/media/{m}", conversation, photo).cookie(this.muncar))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(content().bytes(CaseData.PNG));
		for (String action : new String[] { "tutup", "tautkan", "balas", "teruskan" }) {
			this.mvc
				.perform(post("/pesan-masuk/{id}/" + action, conversation).param("version", "0")
					.param("reason", "x")
					.param("text", "x")
					.param("ticket", "x")
					.cookie(this.genteng)
					.with(csrf()))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/pesan-masuk").cookie(Logins.login(this.mvc, "dinkes")))
			.andExpect(status().isForbidden());
		assertThat(row(conversation).get("status")).isEqualTo("OPEN");
	}

	@Test
	void theSecretariatForwardsAConversationToAKecamatan() throws Exception {
		long conversation = simulated("0813-1111-2204", "Saya di Genteng", "");
		assertThat(row(conversation).get("kecamatan_code")).isNull();
		this.mvc.perform(get("/pesan-masuk").cookie(this.secretariat))
			.andExpect(content().string(containsString("/pesan-masuk/" + conversation + "\"")));
		this.mvc.perform(get("/pesan-masuk/{id}", conversation).cookie(this.genteng)).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/pesan-masuk/{id}/teruskan", conversation).param("version", "0")
				.param("kecamatan", "35.10.09")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/pesan-masuk/{id}/teruskan", conversation).param("version", "0")
				.param("kecamatan", "99.99.99")
				.cookie(this.secretariat)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Pilih kecamatan tujuan.")));
		this.mvc
			.perform(post("/pesan-masuk/{id}/teruskan", conversation)
				.param("version", Long.toString(version(conversation)))
				.param("kecamatan", "35.10.09")
				.cookie(this.secretariat)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(row(conversation).get("kecamatan_code")).isEqualTo("35.10.09");
		this.mvc.perform(get("/pesan-masuk/{id}", conversation).cookie(this.genteng)).andExpect(status().isOk());
		// The secretariat's own inbox no longer lists it; "all" does.
		this.mvc.perform(get("/pesan-masuk").cookie(this.secretariat))
			.andExpect(content().string(not(containsString("/pesan-masuk/" + conversation + "\""))));
		this.mvc.perform(get("/pesan-masuk").param("kotak", "SEMUA").cookie(this.secretariat))
			.andExpect(content().string(containsString("/pesan-masuk/" + conversation + "\"")));
	}

	@Test
	void aConversationIsClosedWithAReasonOnceAndAStaleVersionChangesNothing() throws Exception {
		long conversation = simulated("0813-1111-2205", "Mau tanya jadwal SIM", MUNCAR);
		long version = version(conversation);
		this.mvc
			.perform(post("/pesan-masuk/{id}/tutup", conversation).param("version", Long.toString(version))
				.param("reason", "  ")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Isi alasan menutup.")));
		this.mvc
			.perform(post("/pesan-masuk/{id}/tutup", conversation).param("version", Long.toString(version))
				.param("reason", "x".repeat(501))
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("paling banyak 500")));
		this.mvc
			.perform(post("/pesan-masuk/{id}/tutup", conversation).param("version", Long.toString(version))
				.param("reason", "Bukan aduan\u0000")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/pesan-masuk/{id}/tutup", conversation).param("version", "satu")
				.param("reason", "Bukan aduan")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/pesan-masuk/{id}/tutup", conversation).param("version", Long.toString(version))
				.param("reason", "Bukan aduan kemiskinan: urusan SIM")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(row(conversation)).containsEntry("status", "CLOSED")
			.containsEntry("closed_reason", "Bukan aduan kemiskinan: urusan SIM");
		MvcResult again = this.mvc
			.perform(post("/pesan-masuk/{id}/tutup", conversation).param("version", Long.toString(version))
				.param("reason", "lagi")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(again.getFlashMap().get("flashError")).isEqualTo("inbox.changed");
		assertThat(row(conversation).get("closed_reason")).isEqualTo("Bukan aduan kemiskinan: urusan SIM");
		this.mvc.perform(get("/pesan-masuk").param("status", "CLOSED").cookie(this.muncar))
			.andExpect(content().string(containsString("/pesan-masuk/" + conversation + "\"")));
		this.mvc.perform(get("/pesan-masuk").param("status", "OPEN").cookie(this.muncar))
			.andExpect(content().string(not(containsString("/pesan-masuk/" + conversation + "\""))));
	}

	@Test
	void aConversationIsLinkedToACaseInScopeWithATimelineEvent() throws Exception {
		long conversation = simulated("0813-1111-2206", "Soal kasus saya kemarin", MUNCAR);
		MvcResult filed = this.mvc
			.perform(CaseData.form(CaseData.nik(), Map.of("confirmDuplicate", "true"), "KESEHATAN")
				.cookie(this.muncar)
				.with(csrf()))
			.andReturn();
		String ticket = filed.getResponse().getRedirectedUrl().substring("/kasus/".length());
		MvcResult gentengCase = this.mvc
			.perform(
					CaseData
						.form(CaseData.nik(), Map.of("desaCode", CaseData.GENTENG_DESA, "confirmDuplicate", "true"),
								"KESEHATAN")
						.cookie(this.genteng)
						.with(csrf()))
			.andReturn();
		String foreign = gentengCase.getResponse().getRedirectedUrl().substring("/kasus/".length());
		long version = version(conversation);
		this.mvc
			.perform(post("/pesan-masuk/{id}/tautkan", conversation).param("version", Long.toString(version))
				.param("ticket", foreign)
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Tidak ada kasus dengan tiket itu")));
		this.mvc
			.perform(post("/pesan-masuk/{id}/tautkan", conversation).param("version", Long.toString(version))
				.param("ticket", "")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/pesan-masuk/{id}/tautkan", conversation).param("version", Long.toString(version))
				.param("ticket", "U".repeat(41))
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/pesan-masuk/{id}/tautkan", conversation).param("version", Long.toString(version))
				.param("ticket", " " + ticket.toLowerCase() + " ")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		Map<String, Object> linked = row(conversation);
		assertThat(linked.get("status")).isEqualTo("LINKED");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM case_event e JOIN case_file c ON c.id = e.case_id
				WHERE c.ticket = :t AND e.type = 'WHATSAPP_LINKED' AND c.id = :id
				""").param("t", ticket).param("id", linked.get("case_id")).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aReplyIsFreeTextInside24HoursAndATemplateAfter() throws Exception {
		long conversation = simulated("0813-1111-2207", "Halo", MUNCAR);
		this.mvc.perform(get("/pesan-masuk/{id}", conversation).cookie(this.muncar))
			.andExpect(content().string(containsString("balasan dikirim sebagai teks biasa")));
		this.mvc
			.perform(post("/pesan-masuk/{id}/balas", conversation).param("text", "Baik, petugas kami segera datang.")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.clock.advance(Duration.ofHours(25));
		this.mvc.perform(get("/pesan-masuk/{id}", conversation).cookie(this.muncar))
			.andExpect(content().string(containsString("Lewat 24 jam: dikirim sebagai template pesan")));
		this.mvc
			.perform(post("/pesan-masuk/{id}/balas", conversation).param("text", "Apakah sudah ada kabar?")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		var replies = this.jdbc.sql("""
				SELECT m.body, d.kind, d.recipient, d.params ->> 'mode' AS mode, d.delivery_key, m.id
				FROM wa_message m JOIN delivery d ON d.id = m.delivery_id
				WHERE m.conversation_id = :c AND m.direction = 'OUT' ORDER BY m.id
				""").param("c", conversation).query().listOfRows();
		assertThat(replies).extracting((r) -> r.get("mode")).containsExactly("TEXT", "TEMPLATE");
		assertThat(replies).allSatisfy((r) -> {
			assertThat(r.get("kind")).isEqualTo("INBOX_REPLY");
			assertThat(r.get("recipient")).isEqualTo("+6281311112207");
			assertThat(r.get("delivery_key")).isEqualTo("wa-reply:" + r.get("id"));
		});
		this.mvc
			.perform(post("/pesan-masuk/{id}/balas", conversation).param("text", "").cookie(this.muncar).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Isi balasan.")));
		this.mvc
			.perform(post("/pesan-masuk/{id}/balas", conversation).param("text", "x".repeat(1001))
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void badIdsAndFiltersAre400() throws Exception {
		this.mvc.perform(get("/pesan-masuk/abc").cookie(this.muncar)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/pesan-masuk/1/media/x").cookie(this.muncar)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/pesan-masuk/99999999999999999999").cookie(this.muncar))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/pesan-masuk").param("status", "LAIN").cookie(this.muncar))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/pesan-masuk").param("page", "-1").cookie(this.muncar))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/pesan-masuk").param("kotak", "x").cookie(this.secretariat))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/pesan-masuk/12345678").cookie(this.muncar)).andExpect(status().isNotFound());
		this.mvc.perform(post("/pesan-masuk/1/tutup").param("reason", "x").cookie(this.muncar))
			.andExpect(status().isForbidden());
	}

	@Test
	void theSimulationChecksWhatIsTyped() throws Exception {
		this.mvc
			.perform(multipart("/pesan-masuk/simulasi").param("phone", "")
				.param("text", "x")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Isi nomor WhatsApp warga.")));
		this.mvc
			.perform(multipart("/pesan-masuk/simulasi").param("phone", "12345")
				.param("text", "x")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(multipart("/pesan-masuk/simulasi").param("phone", "081311112299")
				.param("text", "")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Isi pesan atau pilih foto.")));
		this.mvc
			.perform(multipart("/pesan-masuk/simulasi")
				.file(new MockMultipartFile("photo", "x.jpg", "image/jpeg", "<html>".getBytes()))
				.param("phone", "081311112299")
				.param("text", "x")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Foto harus JPEG atau PNG.")));
		this.mvc
			.perform(multipart("/pesan-masuk/simulasi").param("phone", "081311112299")
				.param("text", "x")
				.param("kecamatan", "99.99")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(multipart("/pesan-masuk/simulasi").param("phone", "081311112299")
				.param("text", "x".repeat(4001))
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/pesan-masuk").cookie(this.muncar))
			.andExpect(content().string(containsString("/pesan-masuk/simulasi")));
	}

	@Test
	void theNavigationCountsOpenConversationsOfTheUsersInbox() throws Exception {
		long before = this.jdbc
			.sql("SELECT count(*) FROM wa_conversation WHERE status = 'OPEN' AND kecamatan_code = :k")
			.param("k", MUNCAR)
			.query(Long.class)
			.single();
		simulated("0813-1111-2208", "Halo", MUNCAR);
		this.mvc.perform(get("/pesan-masuk").cookie(this.muncar))
			.andExpect(content().string(containsString((before + 1) + " percakapan terbuka")));
	}

}
