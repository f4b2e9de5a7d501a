package id.ugdkemiskinan.cases.receipt;

import java.time.Instant;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.cases.ReceiptIssued;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The resident's consent to updates: given at filing (form and API) for the beneficiary's
 * mobile number with who and when, refused without one, recorded later and withdrawn on
 * the case page; and the receipt sent by WhatsApp only with it.
 */
@IntegrationTest
@RecordApplicationEvents
class ConsentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEvents published;

	Cookie muncar;

	@BeforeEach
	void logIn() throws Exception {
		this.muncar = Logins.login(this.mvc, "upt.muncar");
	}

	@Test
	void consentGivenAtFilingIsStoredWithWhoAndWhen() throws Exception {
		Instant now = this.clock.instant();
		String ticket = fileCase(Map.of("residentConsent", "true"));

		Map<String, Object> row = consent(ticket);
		assertThat(row).containsEntry("phone", "+6281234567890").containsEntry("given_by", userId("upt.muncar"));
		assertThat(((Timestamp) row.get("given_at")).toInstant()).isEqualTo(now.truncatedTo(ChronoUnit.MICROS));
		assertThat(row.get("withdrawn_at")).isNull();
		assertThat(events(ticket)).containsExactly("CONSENT_GIVEN:+6281234567890");
		assertThat(page(this.muncar, "/kasus/" + ticket)).contains(
				"Warga setuju menerima kabar ke +6281234567890, dicatat oleh Operator UPT Muncar (demo)",
				"Cabut persetujuan");
	}

	@Test
	void noConsentWithoutTheBox() throws Exception {
		String ticket = fileCase(Map.of());
		assertThat(consentCount(ticket)).isZero();
		assertThat(page(this.muncar, "/kasus/" + ticket)).contains("Warga belum menyatakan setuju",
				"Catat persetujuan warga");
	}

	@Test
	void consentWithoutAMobileNumberIsRefusedAtTheField() throws Exception {
		long before = caseCount();
		String form = this.mvc
			.perform(CaseData
				.form(CaseData.nik(), Map.of("residentConsent", "true", "beneficiaryPhone", ""), "KESEHATAN")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("beneficiaryPhone-error", "Isi nomor HP warga untuk mengirim kabar");
		String landline = this.mvc
			.perform(CaseData
				.form(CaseData.nik(), Map.of("residentConsent", "true", "beneficiaryPhone", "0333 424242"), "KESEHATAN")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(landline).contains("Kabar hanya dapat dikirim ke nomor HP");
		this.mvc
			.perform(CaseData.form(CaseData.nik(), Map.of("residentConsent", "ya"), "KESEHATAN")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void theApiTakesConsentWithTheSameRule() throws Exception {
		String nik = CaseData.nik();
		String withConsent = CaseData.json(nik, "KESEHATAN")
			.replace("\"vulnerabilities\"", "\"residentConsent\":true,\"vulnerabilities\"");
		MvcResult filed = this.mvc.perform(api(withConsent)).andExpect(status().isCreated()).andReturn();
		String ticket = filed.getResponse().getHeader("Location").substring("/api/v1/cases/".length());
		assertThat(consent(ticket)).containsEntry("phone", "+6281311112222");

		long before = caseCount();
		String noPhone = CaseData.json(CaseData.nik(), "KESEHATAN")
			.replace(",\"phone\":\"+62 813 1111 2222\"", "")
			.replace("\"vulnerabilities\"", "\"residentConsent\":true,\"vulnerabilities\"");
		this.mvc.perform(api(noPhone))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("beneficiary.phone")))
			.andExpect(jsonPath("$.errors[*].message", hasItem("Isi nomor HP warga untuk mengirim kabar")));
		String wrongType = CaseData.json(CaseData.nik(), "KESEHATAN")
			.replace("\"vulnerabilities\"", "\"residentConsent\":\"mungkin\",\"vulnerabilities\"");
		this.mvc.perform(api(wrongType)).andExpect(status().isBadRequest());
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void staffWithdrawTheConsentWithAReasonOnce() throws Exception {
		String ticket = fileCase(Map.of("residentConsent", "true"));
		Cookie sekretariat = Logins.login(this.mvc, "sekretariat");
		this.mvc
			.perform(post("/kasus/{t}/persetujuan/cabut", ticket).cookie(Logins.login(this.mvc, "dinkes")).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/kasus/{t}/persetujuan/cabut", ticket).cookie(Logins.login(this.mvc, "upt.genteng"))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/kasus/{t}/persetujuan/cabut", ticket).cookie(sekretariat))
			.andExpect(status().isForbidden());
		MvcResult tooLong = act(post("/kasus/{t}/persetujuan/cabut", ticket).param("reason", "x".repeat(301)),
				sekretariat);
		assertThat(tooLong.getFlashMap().get("actionError")).isEqualTo("Alasan paling banyak 300 karakter.");
		this.mvc
			.perform(post("/kasus/{t}/persetujuan/cabut", ticket).param("reason", "a\u0000b")
				.cookie(sekretariat)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(consent(ticket).get("withdrawn_at")).isNull();

		MvcResult withdrawn = act(
				post("/kasus/{t}/persetujuan/cabut", ticket).param("reason", "Warga minta tidak dihubungi lagi."),
				sekretariat);
		assertThat(withdrawn.getFlashMap().get("flashSuccess")).isEqualTo("consent.withdrawn");
		assertThat(withdrawn.getFlashMap().get("actionError")).isNull();
		Map<String, Object> row = consent(ticket);
		assertThat(row.get("withdrawn_at")).isNotNull();
		assertThat(row).containsEntry("withdrawn_by", userId("sekretariat")).containsEntry("withdrawn_via", "STAFF");
		assertThat(events(ticket)).containsExactly("CONSENT_GIVEN:+6281234567890",
				"CONSENT_WITHDRAWN:Warga minta tidak dihubungi lagi.");
		assertThat(page(this.muncar, "/kasus/" + ticket)).contains("Persetujuan kabar ke +6281234567890 dicabut",
				"Sekretariat UGD (demo)");

		MvcResult again = act(post("/kasus/{t}/persetujuan/cabut", ticket), this.muncar);
		assertThat(again.getFlashMap().get("actionError"))
			.isEqualTo("Tidak ada persetujuan yang berlaku untuk dicabut.");
		assertThat(events(ticket)).hasSize(2);
	}

	@Test
	void theUptRecordsConsentLaterAndAgainAfterAWithdrawal() throws Exception {
		String ticket = fileCase(Map.of());
		assertThat(
				act(post("/kasus/{t}/persetujuan", ticket).param("phone", "0812 9999 8888"), this.muncar).getFlashMap()
					.get("actionError"))
			.isEqualTo("Centang bila warga setuju menerima kabar.");
		for (String bad : List.of("", "0333 424242", "12", "0812".repeat(20))) {
			MvcResult refused = act(post("/kasus/{t}/persetujuan", ticket).param("phone", bad).param("agreed", "true"),
					this.muncar);
			assertThat(refused.getFlashMap().get("actionError")).as(bad).isNotNull();
		}
		assertThat(consentCount(ticket)).isZero();
		this.mvc
			.perform(post("/kasus/{t}/persetujuan", ticket).param("phone", "0812 9999 8888")
				.param("agreed", "true")
				.cookie(Logins.login(this.mvc, "sekretariat"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/kasus/{t}/persetujuan", ticket).param("phone", "0812 9999 8888")
				.param("agreed", "true")
				.cookie(Logins.login(this.mvc, "upt.genteng"))
				.with(csrf()))
			.andExpect(status().isNotFound());

		MvcResult recorded = act(
				post("/kasus/{t}/persetujuan", ticket).param("phone", "0812 9999 8888").param("agreed", "true"),
				this.muncar);
		assertThat(recorded.getFlashMap().get("flashSuccess")).isEqualTo("consent.recorded");
		assertThat(consent(ticket)).containsEntry("phone", "+6281299998888");

		act(post("/kasus/{t}/persetujuan/cabut", ticket), this.muncar);
		assertThat(consent(ticket).get("withdrawn_by")).isEqualTo(userId("upt.muncar"));
		act(post("/kasus/{t}/persetujuan", ticket).param("phone", "+62 811 2222 3333").param("agreed", "true"),
				this.muncar);
		Map<String, Object> row = consent(ticket);
		assertThat(row).containsEntry("phone", "+6281122223333");
		assertThat(row.get("withdrawn_at")).isNull();
		assertThat(row.get("withdrawn_via")).isNull();
		assertThat(events(ticket)).containsExactly("CONSENT_GIVEN:+6281299998888", "CONSENT_WITHDRAWN:",
				"CONSENT_GIVEN:+6281122223333");
	}

	@Test
	void theReceiptGoesByWhatsAppOnlyWithConsent() throws Exception {
		String without = fileCase(Map.of());
		MvcResult refused = act(post("/kasus/{t}/tanda-terima/whatsapp", without), this.muncar);
		assertThat(refused.getFlashMap().get("flashError")).isEqualTo("receipt.whatsapp.noConsent");
		assertThat(events(without)).isEmpty();
		assertThat(page(this.muncar, "/kasus/" + without + "/tanda-terima")).doesNotContain("Kirim lewat WhatsApp");

		String with = fileCase(Map.of("residentConsent", "true"));
		assertThat(page(this.muncar, "/kasus/" + with + "/tanda-terima")).contains("Kirim lewat WhatsApp",
				"+6281234567890");
		MvcResult sent = act(post("/kasus/{t}/tanda-terima/whatsapp", with), this.muncar);
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/kasus/" + with);
		assertThat(sent.getFlashMap().get("flashSuccess")).isEqualTo("receipt.whatsapp.sent");
		assertThat(events(with)).containsExactly("CONSENT_GIVEN:+6281234567890", "RECEIPT_ISSUED:PRINT",
				"RECEIPT_REPRINTED:WHATSAPP");
		assertThat(this.published.stream(ReceiptIssued.class).filter(e -> e.ticket().equals(with)))
			.extracting(e -> e.medium() + ":" + e.reprint())
			.containsExactly("PRINT:false", "WHATSAPP:true");
		this.mvc.perform(post("/kasus/{t}/tanda-terima/whatsapp", with).cookie(this.muncar))
			.andExpect(status().isForbidden());
		assertThat(this.mvc.perform(get("/kasus/{t}", with).cookie(this.muncar).flashAttrs(sent.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Tanda terima dikirim ke WhatsApp warga", "Dikirim lewat WhatsApp");
	}

	private String fileCase(Map<String, String> replaced) throws Exception {
		Map<String, String> fields = new java.util.HashMap<>(replaced);
		fields.put("confirmDuplicate", "true");
		MvcResult result = this.mvc
			.perform(CaseData.form(CaseData.nik(), fields, "KESEHATAN").cookie(this.muncar).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as(result.getResponse().getContentAsString())
			.startsWith("/kasus/UGD-");
		// Lands on the case page (which takes the filing's flash message).
		page(this.muncar, result.getResponse().getRedirectedUrl());
		return result.getResponse().getRedirectedUrl().substring("/kasus/".length());
	}

	private MvcResult act(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
		return this.mvc.perform(request.cookie(session).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
	}

	private MockHttpServletRequestBuilder api(String body) {
		return post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private Map<String, Object> consent(String ticket) {
		return this.jdbc.sql("""
				SELECT rc.* FROM resident_consent rc JOIN case_file c ON c.id = rc.case_id WHERE c.ticket = :t""")
			.param("t", ticket)
			.query()
			.singleRow();
	}

	private long consentCount(String ticket) {
		return this.jdbc.sql("""
				SELECT count(*) FROM resident_consent rc JOIN case_file c ON c.id = rc.case_id WHERE c.ticket = :t""")
			.param("t", ticket)
			.query(Long.class)
			.single();
	}

	private long caseCount() {
		return this.jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
	}

	private long userId(String username) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	private List<String> events(String ticket) {
		return this.jdbc.sql("""
				SELECT e.type || ':' || coalesce(e.note, '') FROM case_event e JOIN case_file c ON c.id = e.case_id
				WHERE c.ticket = :t AND (e.type LIKE 'CONSENT%' OR e.type LIKE 'RECEIPT%') ORDER BY e.id""")
			.param("t", ticket)
			.query(String.class)
			.list();
	}

}
