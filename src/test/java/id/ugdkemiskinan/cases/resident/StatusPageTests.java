package id.ugdkemiskinan.cases.resident;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.cases.domain.AccessCodes;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The status page: no login, the code in the session and never in a URL, exactly the
 * allowed fields on every state of a case, wrong code = unknown ticket, English, small.
 */
@IntegrationTest
class StatusPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	ResidentTestSupport cases;

	@BeforeEach
	void setUp() {
		this.cases = new ResidentTestSupport(this.mvc, this.jdbc, this.clock);
	}

	@Test
	void theFormNeedsNoLoginAndTheReceiptsLinkFillsInTheTicket() throws Exception {
		String form = this.mvc.perform(get("/cek"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("Cek status aduan", "Nomor tiket", "Kode akses", "name=\"_csrf\"")
			.doesNotContain("<script", "Keluar", "notifikasi");

		String ticket = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		String prefilled = this.mvc.perform(get("/cek/{t}", ticket.toLowerCase()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(prefilled).contains("value=\"" + ticket + "\"");
	}

	@Test
	void theRightCodeTypedAnyWayUnlocksTheTicketInTheSessionNeverInTheUrl() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		String code = this.cases.accessCode(ticket);

		Cookie session = this.cases.unlock(ticket);

		assertThat(this.cases.statusPage(ticket, session)).contains(ticket, "Sedang ditangani", "Dinas Kesehatan",
				"Kesehatan");
		MvcResult anonymous = this.mvc.perform(get("/cek/{t}/status", ticket)).andReturn();
		assertThat(anonymous.getResponse().getRedirectedUrl()).isEqualTo("/cek/" + ticket);
		String other = this.cases.fileCase(CaseData.nik(), "PENDIDIKAN");
		MvcResult notThisOne = this.mvc.perform(get("/cek/{t}/status", other).cookie(session)).andReturn();
		assertThat(notThisOne.getResponse().getRedirectedUrl()).as("only the unlocked ticket")
			.isEqualTo("/cek/" + other);
		assertThat(anonymous.getResponse().getRedirectedUrl()).doesNotContain(code);
	}

	@Test
	void aWrongCodeAndAnUnknownTicketGiveTheSameAnswer() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		String unknown = "UGD-26-999999";

		MvcResult wrongCode = this.mvc
			.perform(post("/cek").param("ticket", ticket)
				.param("code", "ABCDE-FGHJK")
				.with(ResidentTestSupport.freshSource())
				.with(csrf()))
			.andReturn();
		MvcResult unknownTicket = this.mvc
			.perform(post("/cek").param("ticket", unknown)
				.param("code", this.cases.accessCode(ticket))
				.with(ResidentTestSupport.freshSource())
				.with(csrf()))
			.andReturn();

		assertThat(wrongCode.getResponse().getStatus()).isEqualTo(unknownTicket.getResponse().getStatus())
			.isEqualTo(200);
		assertThat(wrongCode.getResponse().getContentAsString()).contains("Nomor tiket atau kode akses tidak cocok");
		assertThat(comparable(wrongCode, ticket)).isEqualTo(comparable(unknownTicket, unknown));
		assertThat(unknownTicket.getResponse().getContentAsString()).doesNotContain(this.cases.accessCode(ticket));
	}

	@Test
	void aWaitingARespondedAndALateAssignmentReadInPlainWords() throws Exception {
		String nik = CaseData.nik();
		String ticket = this.cases.fileCase(nik, "KESEHATAN", "PENDIDIKAN", "RUMAH_TIDAK_LAYAK_HUNI");
		Cookie session = this.cases.unlock(ticket);
		this.clock.advance(Duration.ofMinutes(80));
		this.cases.respond(ticket, "DINKES", "dinkes");
		String waiting = this.cases.statusPage(ticket, session);
		assertThat(waiting).contains("dijanjikan respon dalam 4 jam", "direspon dalam 1 j 20 m",
				"belum direspon — batas", "WIB");
		assertAllowedOnly(waiting, ticket, nik);

		this.clock.advance(Duration.ofHours(3));
		this.cases.act("dindik", "/penugasan/{id}/kembalikan",
				Map.of("reason", "Alasan rahasia pengembalian: bukan urusan sekolah."),
				this.cases.assignmentId(ticket, "DINDIK"));
		this.clock.advance(Duration.ofHours(1));
		String late = this.cases.statusPage(ticket, session);
		assertThat(late).contains("terlambat — batas", "dialihkan", "Badan Pemberdayaan Masyarakat dan Desa",
				"Sekretariat UGD");
		assertAllowedOnly(late, ticket, nik);

		this.cases.respond(ticket, "BPMD", "bpmd");
		assertThat(this.cases.statusPage(ticket, session)).contains("direspon dalam 5 j 20 m (terlambat)");
	}

	@Test
	void aResolvedThenClosedCaseNamesTheInterventionsAndNothingElse() throws Exception {
		String nik = CaseData.nik();
		String ticket = this.cases.fileCase(nik, "BANTUAN_SOSIAL");
		Cookie session = this.cases.unlock(ticket);
		this.cases.resolve(ticket, "DINSOS", "dinsos", "PKH");

		String resolved = this.cases.statusPage(ticket, session);
		assertThat(resolved).contains("Sudah ditangani, menunggu konfirmasi",
				"Bantuan yang diberikan: Program Keluarga Harapan (PKH)", "Sudah tertangani?");
		assertAllowedOnly(resolved, ticket, nik);

		this.cases.act("upt.muncar", "/kasus/{t}/tutup",
				Map.of("note", "Catatan rahasia penutupan: Ibu sudah ditelepon."), ticket);
		String closed = this.cases.statusPage(ticket, session);
		assertThat(closed).contains("Selesai", "Ditutup", "Program Keluarga Harapan (PKH)", "Sudah tertangani?");
		assertAllowedOnly(closed, ticket, nik);
	}

	@Test
	void aRejectedCaseSaysSoWithoutTheReason() throws Exception {
		String nik = CaseData.nik();
		String ticket = this.cases.fileCase(nik, "PENDIDIKAN");
		Cookie session = this.cases.unlock(ticket);
		this.cases.act("sekretariat", "/kasus/{t}/tolak", Map.of("reason", "Alasan rahasia penolakan: di luar UGD."),
				ticket);

		String rejected = this.cases.statusPage(ticket, session);
		assertThat(rejected).contains("Ditolak", "dialihkan").doesNotContain("Sudah tertangani?");
		assertAllowedOnly(rejected, ticket, nik);
	}

	@Test
	void theEnglishPageSpeaksEnglishAndOffersTheLanguages() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		Cookie session = this.cases.unlock(ticket);

		String english = this.mvc.perform(get("/cek/{t}/status", ticket).param("lang", "en").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(english).contains("lang=\"en\"", "Being handled", "response promised within 4 hours",
				"not yet responded — due", "Agencies handling it", "?lang=id");
		assertThat(this.mvc.perform(get("/cek").param("lang", "en")).andReturn().getResponse().getContentAsString())
			.contains("Ticket number", "Access code", "Show status");
	}

	@Test
	void everyPageWeighsLessThan50KbWithItsStylesAndHasNoScript() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "KESEHATAN", "PENDIDIKAN", "BANTUAN_SOSIAL");
		Cookie session = this.cases.unlock(ticket);
		this.cases.resolve(ticket, "DINSOS", "dinsos", "PKH");
		long styles = new ClassPathResource("static/css/app.css").contentLength()
				+ new ClassPathResource("static/css/resident.css").contentLength();

		List<String> pages = new ArrayList<>();
		pages.add(this.mvc.perform(get("/cek")).andReturn().getResponse().getContentAsString());
		pages.add(this.cases.statusPage(ticket, session));
		for (String page : pages) {
			long bytes = page.getBytes(StandardCharsets.UTF_8).length;
			assertThat(bytes + styles).as("page and styles, uncompressed").isLessThan(50_000);
			assertThat(page).doesNotContain("<script", "bootstrap");
		}
	}

	@Test
	void aStaffSessionNeitherUnlocksNorChangesWhatIsShown() throws Exception {
		String nik = CaseData.nik();
		String ticket = this.cases.fileCase(nik, "KESEHATAN");
		Cookie staff = Logins.login(this.mvc, "sekretariat");

		MvcResult locked = this.mvc.perform(get("/cek/{t}/status", ticket).cookie(staff)).andReturn();
		assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/cek/" + ticket);

		MvcResult unlocked = this.mvc
			.perform(post("/cek").param("ticket", ticket)
				.param("code", this.cases.accessCode(ticket))
				.cookie(staff)
				.with(ResidentTestSupport.freshSource())
				.with(csrf()))
			.andReturn();
		assertThat(unlocked.getResponse().getRedirectedUrl()).isEqualTo("/cek/" + ticket + "/status");
		Cookie renewed = unlocked.getResponse().getCookie(Logins.SESSION_COOKIE);
		assertThat(renewed).as("unlocking renews the session's id").isNotNull();
		assertThat(renewed.getValue()).isNotEqualTo(staff.getValue());
		String asStaff = this.cases.statusPage(ticket, renewed);
		String asResident = this.cases.statusPage(ticket, this.cases.unlock(ticket));
		assertThat(asStaff).isEqualTo(asResident);
		assertAllowedOnly(asStaff, ticket, nik);
	}

	@Test
	void theFormsKeepCsrf() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		this.mvc
			.perform(post("/cek").param("ticket", ticket)
				.param("code", this.cases.accessCode(ticket))
				.with(ResidentTestSupport.freshSource()))
			.andExpect(status().isForbidden());
		Cookie session = this.cases.unlock(ticket);
		this.mvc
			.perform(post("/cek/{t}/jawaban", ticket).param("answer", "BELUM")
				.param("reason", "Belum ada yang datang ke rumah.")
				.cookie(session))
			.andExpect(status().isForbidden());
	}

	/**
	 * The page as one visitor sees it, without what differs by request: the typed ticket
	 * and the form's CSRF token.
	 */
	private static String comparable(MvcResult result, String ticket) throws Exception {
		return result.getResponse()
			.getContentAsString()
			.replace(ticket, "TICKET")
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
	}

	/**
	 * No NIK, KK, names of the resident or the reporter, address, phones, staff names,
	 * notes or reasons, and not the access code.
	 */
	private void assertAllowedOnly(String page, String ticket, String nik) {
		String code = this.cases.accessCode(ticket);
		String beneficiary = "Siti Aminah No. " + nik.substring(12);
		assertThat(page).doesNotContain(nik, nik.substring(0, 6) + "*", ResidentTestSupport.KK, beneficiary,
				"Siti Aminah", ResidentTestSupport.REPORTER, "Ketua RT", ResidentTestSupport.ADDRESS, "Krajan",
				ResidentTestSupport.PHONE_SHOWN, ResidentTestSupport.PHONE_STORED, "81234567890",
				ResidentTestSupport.REPORTER_PHONE, "Catatan rahasia", "Alasan rahasia", "Anak putus sekolah", code,
				AccessCodes.format(code));
		for (String name : this.cases.staffNames()) {
			assertThat(page).as("staff name").doesNotContain(name);
		}
	}

}
