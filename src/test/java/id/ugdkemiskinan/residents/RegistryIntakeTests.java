package id.ugdkemiskinan.residents;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registry at intake: a filed case's beneficiary becomes a person in a household, a
 * resolution becomes aid received, "belum pernah dibantu" follows the data, and the
 * filing form's panel shows the history in scope only.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_registry")
class RegistryIntakeTests {

	static final String PANEL = "/kasus/baru/warga";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Cookie muncar;

	@BeforeEach
	void logIn() throws Exception {
		this.muncar = Logins.login(this.mvc, "upt.muncar");
	}

	@Test
	void aFiledCaseLinksItsBeneficiaryAndAResolutionBecomesAidThatEndsNeverHelped() throws Exception {
		String nik = CaseData.nik();
		String kk = "3510051203800" + nik.substring(13);
		String first = file(nik, Map.of("kk", kk), "BANTUAN_SOSIAL");

		assertThat(this.jdbc.sql("""
				SELECT p.nik || ':' || p.sex || ':' || p.birth_date || ':' || h.kk || ':' || pc.linked_by
				FROM person_case pc JOIN case_file c ON c.id = pc.case_id JOIN person p ON p.id = pc.person_id
				JOIN household h ON h.id = p.household_id WHERE c.ticket = :t""")
			.param("t", first)
			.query(String.class)
			.single()).isEqualTo(nik + ":P:1980-03-12:" + kk + ":NIK");
		assertThat(flagsAndPriority(first)).as("nothing recorded: never helped")
			.isEqualTo("BELUM_PERNAH_DIBANTU:TINGGI");

		Cookie dinsos = Logins.login(this.mvc, "dinsos");
		long task = assignmentId(first, "DINSOS");
		ok(post("/penugasan/{id}/selesai", task).param("intervention", "PKH")
			.param("note", "Keluarga sudah didaftarkan sebagai penerima PKH."), dinsos);
		assertThat(this.jdbc.sql("""
				SELECT r.intervention_code || ':' || (r.received_on = h.last_helped_on)
				FROM intervention_received r JOIN household h ON h.id = r.household_id WHERE r.assignment_id = :a""")
			.param("a", task)
			.query(String.class)
			.single()).isEqualTo("PKH:true");

		this.clock.advance(Duration.ofDays(30));
		String second = file(nik, Map.of("confirmDuplicate", "true"), "KESEHATAN");
		assertThat(flagsAndPriority(second)).as("helped 30 days ago").isEqualTo(":NORMAL");
		assertThat(personOf(second)).isEqualTo(personOf(first));
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM person WHERE nik = :n").param("n", nik).query(Long.class).single())
			.isEqualTo(1);

		String panel = panel(this.muncar, nik);
		assertThat(panel).contains("Riwayat warga", "KK " + kk, "Sudah menerima Program Keluarga Harapan (PKH) sejak",
				first, second, "1 kasus masih terbuka", "kemungkinan duplikat");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM registry_access a JOIN app_user u ON u.id = a.user_id
				WHERE u.username = 'upt.muncar' AND a.record_type = 'PERSON' AND a.record_id = :p AND a.page = :page""")
			.param("p", personOf(first))
			.param("page", PANEL)
			.query(Long.class)
			.single()).isEqualTo(1);

		// The same KK told from another desa: the person stays where the household lives.
		String moved = file(CaseData.nik(), Map.of("kk", kk, "desaCode", CaseData.MUNCAR_DESA_2), "PENDIDIKAN");
		assertThat(this.jdbc.sql("""
				SELECT p.desa_code || ':' || h.desa_code FROM person_case pc JOIN person p ON p.id = pc.person_id
				JOIN household h ON h.id = p.household_id JOIN case_file c ON c.id = pc.case_id WHERE c.ticket = :t""")
			.param("t", moved)
			.query(String.class)
			.single()).isEqualTo(CaseData.MUNCAR_DESA + ":" + CaseData.MUNCAR_DESA);

		// Thirteen months after the aid, nothing recent is recorded.
		this.clock.advance(Duration.ofDays(365));
		String third = file(nik, Map.of("confirmDuplicate", "true"), "PENDIDIKAN");
		assertThat(flagsAndPriority(third)).isEqualTo("BELUM_PERNAH_DIBANTU:TINGGI");
	}

	@Test
	void aDataCorrectionIsInTheHistoryButIsNoHelp() throws Exception {
		String nik = CaseData.nik();
		String first = file(nik, Map.of(), "BANTUAN_SOSIAL");
		long task = assignmentId(first, "DINSOS");
		ok(post("/penugasan/{id}/selesai", task).param("intervention", "USUL_MASUK_DTSEN")
			.param("note", "Diusulkan masuk DTSEN lewat musyawarah desa."), Logins.login(this.mvc, "dinsos"));
		assertThat(this.jdbc.sql("""
				SELECT r.intervention_code || ':' || coalesce(h.last_helped_on::text, '-')
				FROM intervention_received r JOIN household h ON h.id = r.household_id WHERE r.assignment_id = :a""")
			.param("a", task)
			.query(String.class)
			.single()).isEqualTo("USUL_MASUK_DTSEN:-");
		String second = file(nik, Map.of("confirmDuplicate", "true"), "KESEHATAN");
		assertThat(flagsAndPriority(second)).isEqualTo("BELUM_PERNAH_DIBANTU:TINGGI");
	}

	@Test
	void anOperatorOfAnotherKecamatanLearnsOnlyWhereTheRecordIsAndWhomToCall() throws Exception {
		String nik = CaseData.nik();
		file(nik, Map.of(), "BANTUAN_SOSIAL");
		String name = this.jdbc.sql("SELECT name FROM person WHERE nik = :n")
			.param("n", nik)
			.query(String.class)
			.single();

		String genteng = panel(Logins.login(this.mvc, "upt.genteng"), nik);
		assertThat(genteng).contains("Warga ini tercatat di Kecamatan Muncar", "Sekretariat UGD")
			.doesNotContain(name, "UGD-", "Dusun Krajan", "Desil", "Sudah menerima");
		assertThat(this.jdbc
			.sql("""
					SELECT count(*) FROM registry_access a JOIN app_user u ON u.id = a.user_id WHERE u.username = 'upt.genteng'""")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aResidentNotRegisteredIsSaidSoAndFlaggedNeverHelped() throws Exception {
		assertThat(panel(this.muncar, "3510054107990001")).contains("Belum tercatat di registri warga",
				"belum pernah dibantu");
	}

	@Test
	void withoutNikEachCaseIsItsOwnPersonUntilTheOperatorConfirmsAMatch() throws Exception {
		Map<String, String> noNik = Map.of("nik", "", "nikUnknown", "true", "nikUnknownReason",
				"Belum punya KTP, tinggal menumpang", "beneficiaryName", "Mbah Sarmini Tanpa NIK");
		String a = file("tanpa", noNik, "BANTUAN_SOSIAL");
		String b = file("tanpa", Map.of("nik", "", "nikUnknown", "true", "nikUnknownReason", "Belum punya KTP",
				"beneficiaryName", "Mbah Sarmini Tanpa NIK", "confirmDuplicate", "true"), "KESEHATAN");
		assertThat(personOf(a)).isNotEqualTo(personOf(b));
		assertThat(this.jdbc.sql("""
				SELECT string_agg(linked_by, ',') FROM person_case pc JOIN case_file c ON c.id = pc.case_id
				WHERE c.ticket IN (:a, :b)""").param("a", a).param("b", b).query(String.class).single())
			.isEqualTo("BARU,BARU");
	}

	@Test
	void neverHelpedCannotBeTickedByHand() throws Exception {
		MvcResult form = this.mvc
			.perform(CaseData.form(CaseData.nik(), "BANTUAN_SOSIAL")
				.param("vulnerabilities", "BELUM_PERNAH_DIBANTU")
				.cookie(this.muncar)
				.with(csrf()))
			.andReturn();
		assertThat(form.getResponse().getContentAsString()).contains("sistem menandainya sendiri dari data registri");
		assertThat(
				this.mvc.perform(get("/kasus/baru").cookie(this.muncar)).andReturn().getResponse().getContentAsString())
			.doesNotContain("vulnerability-BELUM_PERNAH_DIBANTU")
			.contains("resident-panel");

		String body = CaseData.json(CaseData.nik(), "BANTUAN_SOSIAL")
			.replace("\"HIDUP_SENDIRI\"", "\"BELUM_PERNAH_DIBANTU\"");
		assertThat(body).contains("BELUM_PERNAH_DIBANTU");
		String problem = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(problem).contains("vulnerabilities", "data registri");
	}

	@Test
	void thePanelAnswersBadValuesWith400AndPartialNumbersWithAHint() throws Exception {
		// A NUL byte is refused before any controller (common's input filter).
		this.mvc.perform(get(PANEL).param("nik", "3510\u00005520380001").cookie(this.muncar))
			.andExpect(status().isBadRequest());
		for (String bad : new String[] { "abc", "35100552038000011", "-351005520380000", "１２３４" }) {
			String body = this.mvc.perform(get(PANEL).param("nik", bad).cookie(this.muncar))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(bad).contains("NIK harus 16 angka.");
		}
		assertThat(this.mvc.perform(get(PANEL).param("nik", "").param("kk", "12x").cookie(this.muncar))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Nomor KK harus 16 angka.");
		assertThat(panel(this.muncar, "351005")).contains("Ketik 16 angka NIK");
		assertThat(this.mvc.perform(get(PANEL).cookie(this.muncar))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Ketik 16 angka NIK");
	}

	@Test
	void onlyOperatorsMayAskThePanel() throws Exception {
		for (String user : new String[] { "dinsos", "pimpinan", "admin", "sekretariat" }) {
			this.mvc.perform(get(PANEL).param("nik", "3510054107990001").cookie(Logins.login(this.mvc, user)))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get(PANEL).param("nik", "3510054107990001")).andExpect(status().is3xxRedirection());
	}

	@Test
	void theRegistrysBackgroundRequestsLeadToTheLoginPageWhenTheSessionHasEnded() throws Exception {
		// The filing form's panel and the import page's progress poll (both htmx).
		for (String path : new String[] { PANEL + "?nik=3510054107990001", "/registri/impor/1/kemajuan" }) {
			MvcResult result = this.mvc.perform(get(path).header("HX-Request", "true"))
				.andExpect(status().isUnauthorized())
				.andReturn();
			assertThat(result.getResponse().getHeader("HX-Redirect")).as(path).isEqualTo("/login?expired");
		}
	}

	private String panel(Cookie session, String nik) throws Exception {
		return this.mvc.perform(get(PANEL).param("nik", nik).header("HX-Request", "true").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String file(String nik, Map<String, String> fields, String... categories) throws Exception {
		MvcResult result = this.mvc.perform(CaseData.form(nik, fields, categories).cookie(this.muncar).with(csrf()))
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).as(result.getResponse().getContentAsString()).startsWith("/kasus/UGD-");
		return location.substring("/kasus/".length());
	}

	private void ok(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Cookie session)
			throws Exception {
		MvcResult result = this.mvc.perform(request.cookie(session).with(csrf())).andReturn();
		assertThat(result.getFlashMap().get("actionError")).as("refused: %s", result.getFlashMap()).isNull();
	}

	private String flagsAndPriority(String ticket) {
		return this.jdbc
			.sql("""
					SELECT coalesce((SELECT string_agg(flag, ',' ORDER BY flag) FROM case_vulnerability v WHERE v.case_id = c.id), '')
					       || ':' || c.priority
					FROM case_file c WHERE c.ticket = :t""")
			.param("t", ticket)
			.query(String.class)
			.single();
	}

	private long personOf(String ticket) {
		return this.jdbc.sql("""
				SELECT pc.person_id FROM person_case pc JOIN case_file c ON c.id = pc.case_id WHERE c.ticket = :t""")
			.param("t", ticket)
			.query(Long.class)
			.single();
	}

	private long assignmentId(String ticket, String dinas) {
		return this.jdbc.sql("""
				SELECT max(a.id) FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE c.ticket = :t AND a.dinas_code = :d""")
			.param("t", ticket)
			.param("d", dinas)
			.query(Long.class)
			.single();
	}

}
