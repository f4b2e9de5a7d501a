package id.ugdkemiskinan.cases.resident;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.cases.AssignmentRouted;
import id.ugdkemiskinan.cases.CaseReopened;
import id.ugdkemiskinan.cases.ResidentAnswered;
import id.ugdkemiskinan.cases.ResidentFeedback;
import id.ugdkemiskinan.cases.ResidentFeedback.Outcome;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "Sudah tertangani?": "Sudah" with a rating, "Belum" with a reason that reopens the case
 * exactly once (one after the other and at the same time), within the window only; the
 * WhatsApp answer from the consenting phone; stopping the updates.
 */
@IntegrationTest
@RecordApplicationEvents
class ResidentAnswerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ResidentFeedback feedback;

	@Autowired
	ApplicationEvents events;

	ResidentTestSupport cases;

	@BeforeEach
	void setUp() {
		this.cases = new ResidentTestSupport(this.mvc, this.jdbc, this.clock);
	}

	@Test
	void belumReopensTheCaseWithOneTriageAssignmentInTheResidentsWordOnce() throws Exception {
		String ticket = resolvedCase();
		Cookie session = this.cases.unlock(ticket);
		assertThat(this.cases.statusPage(ticket, session)).contains("Sudah tertangani?", "Belum tertangani");
		this.events.clear();

		MvcResult first = belum(ticket, session, "Bantuan PKH belum pernah sampai ke rumah kami.");

		assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/cek/" + ticket + "/status");
		assertThat(first.getFlashMap().get("flashSuccess")).isEqualTo("resident.answer.recorded.belum");
		assertThat(this.cases.caseStatus(ticket)).isEqualTo("TERBUKA");
		assertThat(this.cases.timeline(ticket)).endsWith("RESOLVED:DINSOS:PETUGAS_DINAS", "RESIDENT_REOPENED:WARGA",
				"ROUTED:KESRA:WARGA");
		assertThat(triageAssignments(ticket)).containsExactly("MENUNGGU_RESPON");
		assertThat(this.jdbc.sql("""
				SELECT e.note FROM case_event e JOIN case_file c ON c.id = e.case_id
				WHERE c.ticket = :t AND e.type = 'RESIDENT_REOPENED'""")
			.param("t", ticket)
			.query(String.class)
			.single()).isEqualTo("Bantuan PKH belum pernah sampai ke rumah kami.");
		assertThat(this.jdbc
			.sql("""
					SELECT f.answer || ':' || f.via || ':' || (f.round_resolved_at IS NOT NULL) || ':' || (f.event_id IS NOT NULL)
					FROM resident_feedback f JOIN case_file c ON c.id = f.case_id WHERE c.ticket = :t""")
			.param("t", ticket)
			.query(String.class)
			.list()).containsExactly("BELUM:STATUS_PAGE:true:true");
		assertThat(this.events.stream(ResidentAnswered.class)).singleElement()
			.satisfies(e -> assertThat(e.resolved()).isFalse());
		assertThat(this.events.stream(CaseReopened.class)).hasSize(1);
		assertThat(this.events.stream(AssignmentRouted.class)).singleElement()
			.satisfies(e -> assertThat(e.dinasCode()).isEqualTo("KESRA"));
		String page = this.cases.statusPage(ticket, session);
		assertThat(page).contains("Jawaban Anda", "belum tertangani — aduan dibuka kembali", "Sedang ditangani")
			.doesNotContain("Kirim: belum tertangani", "Bantuan PKH belum pernah sampai");

		MvcResult second = belum(ticket, session, "Saya kirim sekali lagi karena belum ada kabar.");

		assertThat(second.getFlashMap().get("flashError")).isEqualTo("resident.answer.already");
		assertThat(triageAssignments(ticket)).containsExactly("MENUNGGU_RESPON");
		assertThat(feedbackRows(ticket)).isEqualTo(1);
		assertThat(this.mvc
			.perform(get("/cek/{t}/status", ticket).cookie(session).flashAttr("flashError", "resident.answer.already"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Jawaban Anda sudah tercatat");
	}

	@Test
	void twoBelumSentAtOnceReopenTheCaseOnce() throws Exception {
		String ticket = resolvedCase();
		Cookie one = this.cases.unlock(ticket);
		Cookie two = this.cases.unlock(ticket);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<MvcResult>> both = List.of(() -> {
				start.await();
				return belum(ticket, one, "Atap rumah masih bocor, belum diperbaiki.");
			}, () -> {
				start.await();
				return belum(ticket, two, "Atap rumah masih bocor, belum diperbaiki.");
			});
			List<Future<MvcResult>> futures = both.stream().map(pool::submit).toList();
			start.countDown();
			List<Object> flashes = new java.util.ArrayList<>();
			for (Future<MvcResult> future : futures) {
				MvcResult result = future.get(60, TimeUnit.SECONDS);
				flashes.add(result.getFlashMap().values().iterator().next());
			}
			assertThat(flashes).containsExactlyInAnyOrder("resident.answer.recorded.belum", "resident.answer.already");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(feedbackRows(ticket)).isEqualTo(1);
		assertThat(triageAssignments(ticket)).containsExactly("MENUNGGU_RESPON");
		assertThat(this.cases.timeline(ticket).stream().filter(e -> e.startsWith("RESIDENT_REOPENED"))).hasSize(1);
	}

	@Test
	void sudahRecordsTheRatingAndTheCaseStaysResolved() throws Exception {
		String ticket = resolvedCase();
		Cookie session = this.cases.unlock(ticket);

		MvcResult result = this.mvc
			.perform(post("/cek/{t}/jawaban", ticket).param("answer", "SUDAH")
				.param("rating", "4")
				.param("comment", "Terima kasih, bantuan sudah diterima.")
				.cookie(session)
				.with(csrf()))
			.andReturn();

		assertThat(result.getFlashMap().get("flashSuccess")).isEqualTo("resident.answer.recorded.sudah");
		assertThat(this.cases.caseStatus(ticket)).isEqualTo("SELESAI");
		assertThat(this.jdbc.sql("""
				SELECT e.note FROM case_event e JOIN case_file c ON c.id = e.case_id
				WHERE c.ticket = :t AND e.type = 'RESIDENT_CONFIRMED' AND e.actor_name = 'Warga'""")
			.param("t", ticket)
			.query(String.class)
			.single()).isEqualTo("4/5 — Terima kasih, bantuan sudah diterima.");
		assertThat(this.events.stream(ResidentAnswered.class)).anySatisfy(e -> {
			assertThat(e.ticket()).isEqualTo(ticket);
			assertThat(e.rating()).isEqualTo(4);
			assertThat(e.via()).isEqualTo("STATUS_PAGE");
		});
		assertThat(this.cases.statusPage(ticket, session)).contains("sudah tertangani, nilai 4 dari 5")
			.doesNotContain("Kirim: sudah tertangani", "bantuan sudah diterima");
		String staffPage = this.mvc.perform(get("/kasus/{t}", ticket).cookie(Logins.login(this.mvc, "upt.muncar")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(staffPage).contains("Warga menjawab: sudah tertangani", "4/5 — Terima kasih", "— Warga");
	}

	@Test
	void theSecretariatSeesTheResidentsReasonInTheTimelineAndTheCaseInTriage() throws Exception {
		String ticket = resolvedCase();
		belum(ticket, this.cases.unlock(ticket), "Petugas belum datang lagi sejak bulan lalu.");
		Cookie secretariat = Logins.login(this.mvc, "sekretariat");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
				WHERE u.username = 'sekretariat' AND n.ticket = :t AND n.dinas_code = 'KESRA'""")
			.param("t", ticket)
			.query(Long.class)
			.single()).as("the secretariat's bell rings for the new triage").isEqualTo(1);

		assertThat(this.mvc.perform(get("/triase").cookie(secretariat)).andReturn().getResponse().getContentAsString())
			.contains(ticket);
		assertThat(this.mvc.perform(get("/kasus/{t}", ticket).cookie(secretariat))
			.andReturn()
			.getResponse()
			.getContentAsString())
			.contains("Warga menjawab: belum tertangani", "Petugas belum datang lagi sejak bulan lalu.", "— Warga");
	}

	@Test
	void theAnswerIsAskedForFourteenDaysOnly() throws Exception {
		String ticket = resolvedCase();
		Cookie session = this.cases.unlock(ticket);
		this.clock.advance(Duration.ofDays(14));
		assertThat(this.cases.statusPage(ticket, session)).contains("Sudah tertangani?");

		this.clock.advance(Duration.ofDays(1));
		assertThat(this.cases.statusPage(ticket, session)).doesNotContain("Sudah tertangani?", "Kirim:");
		MvcResult late = belum(ticket, session, "Saya baru sempat menjawab sekarang.");
		assertThat(late.getFlashMap().get("flashError")).isEqualTo("resident.answer.notAsked");
		assertThat(this.cases.caseStatus(ticket)).isEqualTo("SELESAI");
		assertThat(feedbackRows(ticket)).isZero();
	}

	@Test
	void anOpenCaseAsksNothingAndAnAnswerIsToldSo() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		Cookie session = this.cases.unlock(ticket);
		assertThat(this.cases.statusPage(ticket, session)).doesNotContain("Sudah tertangani?");

		MvcResult result = belum(ticket, session, "Belum ada petugas yang datang.");

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getFlashMap().get("flashError")).isEqualTo("resident.answer.notAsked");
		assertThat(this.mvc
			.perform(get("/cek/{t}/status", ticket).cookie(session).flashAttr("flashError", "resident.answer.notAsked"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("sedang tidak menunggu jawaban Anda");
		assertThat(feedbackRows(ticket)).isZero();
	}

	@Test
	void anAnswerNeedsTheSessionThatUnlockedTheTicket() throws Exception {
		String ticket = resolvedCase();
		MvcResult result = this.mvc
			.perform(post("/cek/{t}/jawaban", ticket).param("answer", "BELUM")
				.param("reason", "Saya bukan warga ini tapi mencoba.")
				.cookie(this.cases.unlock(this.cases.fileCase(CaseData.nik(), "KESEHATAN")))
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cek/" + ticket);
		assertThat(this.cases.caseStatus(ticket)).isEqualTo("SELESAI");
		assertThat(feedbackRows(ticket)).isZero();
	}

	@Test
	void whatsAppAnswersCountOnlyFromTheConsentingPhoneAndOnce() throws Exception {
		String ticket = resolvedCase();
		giveConsent(ticket, "+6281211112222");

		assertThat(this.feedback.answerFromWhatsApp(ticket, "+6281299990000", false, null)).isEqualTo(Outcome.UNKNOWN);
		assertThat(this.feedback.answerFromWhatsApp("UGD-26-000000", "+6281211112222", false, null))
			.isEqualTo(Outcome.UNKNOWN);
		assertThat(this.feedback.answerFromWhatsApp(ticket.toLowerCase(), "+6281211112222", false, "  "))
			.isEqualTo(Outcome.RECORDED);
		assertThat(this.feedback.answerFromWhatsApp(ticket, "+6281211112222", false, "lagi"))
			.isEqualTo(Outcome.ALREADY_ANSWERED);

		assertThat(this.jdbc.sql("""
				SELECT f.answer || ':' || f.via || ':' || f.comment || ':' || coalesce(f.rating::text, '-')
				FROM resident_feedback f JOIN case_file c ON c.id = f.case_id WHERE c.ticket = :t""")
			.param("t", ticket)
			.query(String.class)
			.single()).isEqualTo("BELUM:WHATSAPP:(dijawab lewat WhatsApp):-");
		assertThat(this.cases.caseStatus(ticket)).isEqualTo("TERBUKA");
		assertThat(triageAssignments(ticket)).containsExactly("MENUNGGU_RESPON");

		String open = this.cases.fileCase(CaseData.nik(), "KESEHATAN");
		giveConsent(open, "+6281211113333");
		assertThat(this.feedback.answerFromWhatsApp(open, "+6281211113333", true, "sudah"))
			.isEqualTo(Outcome.NOT_ASKED);
	}

	@Test
	void aWhatsAppSudahIsRecordedWithoutRatingAndTheCaseStaysResolved() throws Exception {
		String ticket = resolvedCase();
		giveConsent(ticket, "+6281211115555");

		assertThat(this.feedback.answerFromWhatsApp(ticket, "+6281211115555", true, " Alhamdulillah sudah. "))
			.isEqualTo(Outcome.RECORDED);

		assertThat(this.jdbc.sql("""
				SELECT f.answer || ':' || f.via || ':' || f.comment || ':' || coalesce(f.rating::text, '-')
				FROM resident_feedback f JOIN case_file c ON c.id = f.case_id WHERE c.ticket = :t""")
			.param("t", ticket)
			.query(String.class)
			.single()).isEqualTo("SUDAH:WHATSAPP:Alhamdulillah sudah.:-");
		assertThat(this.cases.caseStatus(ticket)).isEqualTo("SELESAI");
		assertThat(this.cases.timeline(ticket)).endsWith("RESIDENT_CONFIRMED:WARGA");
		assertThat(this.cases.statusPage(ticket, this.cases.unlock(ticket))).contains("sudah tertangani.")
			.doesNotContain("Sudah tertangani?", "Alhamdulillah");
	}

	@Test
	void aWithdrawnConsentNoLongerAnswersOnWhatsApp() throws Exception {
		String ticket = resolvedCase();
		giveConsent(ticket, "+6281211114444");
		Cookie session = this.cases.unlock(ticket);
		assertThat(this.cases.statusPage(ticket, session)).contains("Berhenti menerima kabar")
			.doesNotContain("+6281211114444", "81211114444");

		MvcResult stop = this.mvc.perform(post("/cek/{t}/berhenti-kabar", ticket).cookie(session).with(csrf()))
			.andReturn();

		assertThat(stop.getFlashMap().get("flashSuccess")).isEqualTo("resident.consent.withdrawn");
		assertThat(this.jdbc.sql("""
				SELECT k.withdrawn_via || ':' || (k.withdrawn_at IS NOT NULL)
				FROM resident_consent k JOIN case_file c ON c.id = k.case_id WHERE c.ticket = :t""")
			.param("t", ticket)
			.query(String.class)
			.single()).isEqualTo("STATUS_PAGE:true");
		assertThat(this.cases.timeline(ticket)).endsWith("CONSENT_WITHDRAWN:WARGA");
		assertThat(this.cases.statusPage(ticket, session)).doesNotContain("Berhenti menerima kabar");
		MvcResult again = this.mvc.perform(post("/cek/{t}/berhenti-kabar", ticket).cookie(session).with(csrf()))
			.andReturn();
		assertThat(again.getFlashMap().get("flashError")).isEqualTo("resident.consent.none");
		assertThat(this.cases.timeline(ticket).stream().filter(e -> e.startsWith("CONSENT_WITHDRAWN"))).hasSize(1);
		assertThat(this.feedback.answerFromWhatsApp(ticket, "+6281211114444", true, "sudah"))
			.isEqualTo(Outcome.UNKNOWN);
	}

	private String resolvedCase() throws Exception {
		String ticket = this.cases.fileCase(CaseData.nik(), "BANTUAN_SOSIAL");
		this.cases.resolve(ticket, "DINSOS", "dinsos", "PKH");
		assertThat(this.cases.caseStatus(ticket)).isEqualTo("SELESAI");
		return ticket;
	}

	private MvcResult belum(String ticket, Cookie session, String reason) throws Exception {
		return this.mvc
			.perform(post("/cek/{t}/jawaban", ticket).param("answer", "BELUM")
				.param("reason", reason)
				.cookie(session)
				.with(csrf()))
			.andReturn();
	}

	private void giveConsent(String ticket, String phone) {
		this.jdbc.sql("""
				INSERT INTO resident_consent (case_id, phone, given_at, given_by)
				SELECT c.id, :phone, c.filed_at, c.filed_by FROM case_file c WHERE c.ticket = :t""")
			.param("phone", phone)
			.param("t", ticket)
			.update();
	}

	private List<String> triageAssignments(String ticket) {
		return this.jdbc.sql("""
				SELECT a.status FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE c.ticket = :t AND a.dinas_code = 'KESRA' ORDER BY a.id""")
			.param("t", ticket)
			.query(String.class)
			.list();
	}

	private long feedbackRows(String ticket) {
		return this.jdbc.sql("""
				SELECT count(*) FROM resident_feedback f JOIN case_file c ON c.id = f.case_id WHERE c.ticket = :t""")
			.param("t", ticket)
			.query(Long.class)
			.single();
	}

}
