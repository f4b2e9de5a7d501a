package id.ugdkemiskinan.cases.resident;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every parameter of the status page with a bad value: 400 with a field message in Bahasa
 * Indonesia (or the input filter's 400), never a 500; nothing is recorded.
 */
@IntegrationTest
class StatusPageInputTests {

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
	void aBadTicketIsAFieldMessage() throws Exception {
		assertField(check("", "ABCDEFGHJK"), "Isi nomor tiket.");
		assertField(check("   ", "ABCDEFGHJK"), "Isi nomor tiket.");
		assertField(check("UGD-" + "9".repeat(37), "ABCDEFGHJK"), "Nomor tiket terlalu panjang.");
		assertField(check("UGD<script>", "ABCDEFGHJK"), "Nomor tiket hanya berisi huruf, angka dan tanda hubung.");
		assertField(check("UGD 26 000001", "ABCDEFGHJK"), "Nomor tiket hanya berisi huruf, angka dan tanda hubung.");
		assertThat(status(check("UGD-26\u0000", "ABCDEFGHJK"))).isEqualTo(400);
		assertThat(status(this.mvc.perform(post("/cek").param("code", "ABCDEFGHJK").with(csrf())).andReturn()))
			.isEqualTo(400);
		MvcResult path = this.mvc.perform(get("/cek/{t}", "UGD<26>")).andReturn();
		assertField(path, "Nomor tiket hanya berisi huruf, angka dan tanda hubung.");
		assertThat(this.mvc.perform(get("/cek/{t}", "U".repeat(300))).andReturn().getResponse().getStatus())
			.isEqualTo(400);
		assertThat(this.mvc.perform(get("/cek/{t}/status", "UGD<26>")).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/cek");
	}

	@Test
	void aBadCodeIsAFieldMessageAndNotATry() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		assertField(check(ticket, ""), "Isi kode akses.");
		assertField(check(ticket, " - - "), "Isi kode akses.");
		assertField(check(ticket, "A".repeat(41)), "Kode akses terlalu panjang.");
		assertField(check(ticket, "ABC<>DEFGH"), "Kode akses hanya berisi huruf dan angka.");
		assertThat(status(check(ticket, "ABCDE\u0000FGHJK"))).isEqualTo(400);
		assertThat(status(this.mvc.perform(post("/cek").param("ticket", ticket).with(csrf())).andReturn()))
			.isEqualTo(400);
		assertThat(this.jdbc.sql("SELECT count(*) FROM status_check_failure WHERE ticket = :t")
			.param("t", ticket)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aBadAnswerShowsTheStatusAgainWithItsFieldMessage() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "BANTUAN_SOSIAL");
		this.cases.resolve(ticket, "DINSOS", "dinsos", "PKH");
		Cookie session = this.cases.unlock(ticket);

		assertField(answer(ticket, session, "SUDAH", "0", null, null), "Pilih nilai 1 sampai 5.");
		assertField(answer(ticket, session, "SUDAH", "6", null, null), "Pilih nilai 1 sampai 5.");
		assertField(answer(ticket, session, "SUDAH", "x", null, null), "Pilih nilai 1 sampai 5.");
		assertField(answer(ticket, session, "SUDAH", "", null, null), "Pilih nilai 1 sampai 5.");
		assertField(answer(ticket, session, "SUDAH", "99999999999999999999", null, null), "Pilih nilai 1 sampai 5.");
		assertField(answer(ticket, session, "SUDAH", "5", "k".repeat(1001), null), "Maksimal 1000 karakter.");
		assertField(answer(ticket, session, "BELUM", null, null, "pendek"), "Tulis alasannya, minimal 10 karakter.");
		assertField(answer(ticket, session, "BELUM", null, null, null), "Tulis alasannya, minimal 10 karakter.");
		assertField(answer(ticket, session, "BELUM", null, null, "r".repeat(1001)), "Maksimal 1000 karakter.");
		assertField(answer(ticket, session, "MUNGKIN", null, null, null),
				"Pilih jawaban: sudah atau belum tertangani.");
		assertField(answer(ticket, session, null, null, null, null), "Pilih jawaban: sudah atau belum tertangani.");
		assertThat(status(answer(ticket, session, "BELUM", null, null, "Belum\u0000 ditangani sama sekali")))
			.isEqualTo(400);
		assertThat(status(answer(ticket, session, "SUDAH", "4\u0000", null, null))).isEqualTo(400);

		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM resident_feedback f JOIN case_file c ON c.id = f.case_id WHERE c.ticket = :t""")
			.param("t", ticket)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.cases.caseStatus(ticket)).isEqualTo("SELESAI");
	}

	private MvcResult check(String ticket, String code) throws Exception {
		return this.mvc
			.perform(post("/cek").param("ticket", ticket)
				.param("code", code)
				.with(ResidentTestSupport.freshSource())
				.with(csrf()))
			.andReturn();
	}

	private MvcResult answer(String ticket, Cookie session, String answer, String rating, String comment, String reason)
			throws Exception {
		MockHttpServletRequestBuilder request = post("/cek/{t}/jawaban", ticket).cookie(session).with(csrf());
		if (answer != null) {
			request.param("answer", answer);
		}
		if (rating != null) {
			request.param("rating", rating);
		}
		if (comment != null) {
			request.param("comment", comment);
		}
		if (reason != null) {
			request.param("reason", reason);
		}
		return this.mvc.perform(request).andReturn();
	}

	private static int status(MvcResult result) {
		return result.getResponse().getStatus();
	}

	private static void assertField(MvcResult result, String message) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains(message);
	}

}
