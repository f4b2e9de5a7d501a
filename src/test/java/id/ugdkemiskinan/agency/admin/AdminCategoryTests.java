package id.ugdkemiskinan.agency.admin;

import java.util.List;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.agency.Agencies;
import id.ugdkemiskinan.agency.CategoryRef;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin's category pages: each change, its audit line, its validation and its effect.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=refdata_category")
class AdminCategoryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Agencies agencies;

	Cookie admin;

	@BeforeEach
	void logInAsAdmin() throws Exception {
		this.admin = Logins.login(this.mvc, "admin");
	}

	@Test
	void aNewCategoryWithGuidanceAndQuestionsAppearsOnTheFilingForm() throws Exception {
		this.mvc.perform(get("/admin/kategori/baru").cookie(this.admin)).andExpect(status().isOk());
		this.mvc
			.perform(post("/admin/kategori").cookie(this.admin)
				.with(csrf())
				.param("code", "AIR_BERSIH")
				.param("name", "Air bersih")
				.param("description", "Sumur, PDAM, sanitasi")
				.param("guidance", "Tanyakan sumber air sekarang.")
				.param("question1", "Sumber air sekarang")
				.param("question2", "")
				.param("question3", "Jarak ke sumber air"))
			.andExpect(redirectedUrl("/admin/kategori"))
			.andExpect(flash().attribute("flashSuccess", "refdata.category.created"));
		CategoryRef created = this.agencies.categories()
			.stream()
			.filter(c -> c.code().equals("AIR_BERSIH"))
			.findFirst()
			.orElseThrow();
		assertThat(created.guidance()).isEqualTo("Tanyakan sumber air sekarang.");
		assertThat(created.questions()).containsExactly("Sumber air sekarang", "Jarak ke sumber air");
		assertThat(this.agencies.categories()).last().extracting(CategoryRef::code).isEqualTo("AIR_BERSIH");
		assertThat(audit("AIR_BERSIH")).singleElement()
			.asString()
			.startsWith("CREATED|admin|null|")
			.contains("\"question1\": \"Sumber air sekarang\"", "\"question2\": null");

		Cookie operator = Logins.login(this.mvc, "upt.genteng");
		this.mvc.perform(get("/kasus/baru").cookie(operator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Air bersih")))
			.andExpect(content().string(containsString("Tanyakan sumber air sekarang.")))
			.andExpect(content().string(containsString("Jarak ke sumber air")));
	}

	@Test
	void theFormAnswersFieldMessagesForBadInput() throws Exception {
		expectError(add("", "Nama", "Ket"), "code", "refdata.field.required");
		expectError(add("kecil", "Nama", "Ket"), "code", "refdata.category.code.pattern");
		expectError(add("K", "Nama", "Ket"), "code", "refdata.category.code.pattern");
		expectError(add("KESEHATAN", "Nama", "Ket"), "code", "refdata.category.code.taken");
		expectError(add("BARU", " ", "Ket"), "name", "refdata.field.required");
		expectError(add("BARU", "x".repeat(101), "Ket"), "name", "refdata.field.tooLong");
		expectError(add("BARU", "Nama", ""), "description", "refdata.field.required");
		expectError(add("BARU", "Nama", "x".repeat(301)), "description", "refdata.field.tooLong");
		expectError(add("BARU", "Nama", "Ket").param("guidance", "x".repeat(501)), "guidance", "refdata.field.tooLong");
		expectError(add("BARU", "Nama", "Ket").param("question2", "x".repeat(201)), "question2",
				"refdata.field.tooLong");
		this.mvc.perform(add("BARU", "Na\u0000ma", "Ket")).andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT count(*) FROM category WHERE code = 'BARU'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void editingIsAuditedAndVersionChecked() throws Exception {
		this.mvc.perform(add("RTLH_PESISIR", "Rumah pesisir", "Rumah di pesisir"))
			.andExpect(redirectedUrl("/admin/kategori"));
		this.mvc.perform(get("/admin/kategori/RTLH_PESISIR").cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Rumah pesisir")));
		this.mvc.perform(edit("RTLH_PESISIR", "0").param("question1", "Jenis kerusakan"))
			.andExpect(redirectedUrl("/admin/kategori"));
		assertThat(audit("RTLH_PESISIR")).last()
			.asString()
			.startsWith("UPDATED|admin|")
			.contains("\"question1\": null", "\"question1\": \"Jenis kerusakan\"");
		this.mvc.perform(edit("RTLH_PESISIR", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("baru saja diubah orang lain")));
		for (String version : new String[] { "", "x", "-3" }) {
			this.mvc.perform(edit("RTLH_PESISIR", version)).andExpect(status().isBadRequest());
		}
		this.mvc
			.perform(post("/admin/kategori/RTLH_PESISIR").cookie(this.admin)
				.with(csrf())
				.param("name", "")
				.param("description", "Rumah di pesisir")
				.param("version", "1"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "refdata.field.required"));
	}

	@Test
	void upAndDownButtonsReorderAndDeactivationHidesFromTheForm() throws Exception {
		List<String> before = this.agencies.categories().stream().map(CategoryRef::code).toList();
		assertThat(before.subList(0, 2)).containsExactly("KESEHATAN", "PENDIDIKAN");
		this.mvc
			.perform(post("/admin/kategori/PENDIDIKAN/naik").cookie(this.admin)
				.with(csrf())
				.param("version", Long.toString(version("PENDIDIKAN"))))
			.andExpect(redirectedUrl("/admin/kategori"));
		assertThat(this.agencies.categories()).extracting(CategoryRef::code).startsWith("PENDIDIKAN", "KESEHATAN");
		assertThat(audit("PENDIDIKAN")).last().asString().contains("\"sortOrder\": 2", "\"sortOrder\": 1");
		this.mvc
			.perform(post("/admin/kategori/PENDIDIKAN/turun").cookie(this.admin)
				.with(csrf())
				.param("version", Long.toString(version("PENDIDIKAN"))))
			.andExpect(redirectedUrl("/admin/kategori"));
		assertThat(this.agencies.categories()).extracting(CategoryRef::code).startsWith("KESEHATAN", "PENDIDIKAN");
		// A stale up changes nothing.
		this.mvc.perform(post("/admin/kategori/PENDIDIKAN/naik").cookie(this.admin).with(csrf()).param("version", "0"))
			.andExpect(flash().attribute("flashError", "refdata.stale"));
		assertThat(this.agencies.categories()).extracting(CategoryRef::code).startsWith("KESEHATAN", "PENDIDIKAN");

		this.mvc.perform(add("SEMENTARA", "Sementara", "Dicoba")).andExpect(redirectedUrl("/admin/kategori"));
		this.mvc
			.perform(
					post("/admin/kategori/SEMENTARA/nonaktifkan").cookie(this.admin).with(csrf()).param("version", "0"))
			.andExpect(redirectedUrl("/admin/kategori"));
		assertThat(this.agencies.categories()).extracting(CategoryRef::code).doesNotContain("SEMENTARA");
		assertThat(this.agencies.categoryNames()).containsEntry("SEMENTARA", "Sementara");
		assertThat(audit("SEMENTARA")).last().asString().startsWith("DEACTIVATED|admin|");
		this.mvc
			.perform(post("/admin/kategori/SEMENTARA/aktifkan").cookie(this.admin).with(csrf()).param("version", "1"))
			.andExpect(redirectedUrl("/admin/kategori"));
		assertThat(this.agencies.categories()).extracting(CategoryRef::code).contains("SEMENTARA");
	}

	@Test
	void unknownCodesAnswer404AndOnlyTheAdminMayChange() throws Exception {
		this.mvc.perform(get("/admin/kategori/TIDAK_ADA").cookie(this.admin)).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/kategori/bukan-kode").cookie(this.admin)).andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/kategori/TIDAK_ADA/naik").cookie(this.admin).with(csrf()).param("version", "0"))
			.andExpect(status().isNotFound());
		Cookie other = Logins.login(this.mvc, "sekretariat");
		this.mvc.perform(get("/admin/kategori").cookie(other)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/kategori").cookie(other)
				.with(csrf())
				.param("code", "SUSUP")
				.param("name", "Nama")
				.param("description", "Ket"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/kategori").cookie(this.admin).param("code", "SUSUP").param("name", "N"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT count(*) FROM category WHERE code = 'SUSUP'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void theAnswersToTheQuestionsAreStoredWithTheCaseAsAsked() throws Exception {
		this.mvc
			.perform(add("RTLH_UJI", "Rumah uji", "Rumah tidak layak huni (uji)").param("question1", "Jenis kerusakan")
				.param("question2", "Luas rumah"))
			.andExpect(redirectedUrl("/admin/kategori"));
		Cookie operator = Logins.login(this.mvc, "upt.muncar");

		// Too long: the form again, with the message at the categories and the answers
		// kept.
		this.mvc
			.perform(CaseData.form(CaseData.nik(), "RTLH_UJI")
				.param("answer_RTLH_UJI_1", "x".repeat(501))
				.param("answer_RTLH_UJI_2", "36 m2")
				.cookie(operator)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "categories", "refdata.answer.tooLong"))
			.andExpect(content().string(containsString("Jawaban untuk &quot;Jenis kerusakan&quot; paling banyak 500")))
			.andExpect(content().string(containsString("value=\"36 m2\"")));

		MvcResult filed = this.mvc
			.perform(CaseData.form(CaseData.nik(), "RTLH_UJI", "KESEHATAN")
				.param("answer_RTLH_UJI_1", "  Atap bocor, dinding retak ")
				.param("answer_RTLH_UJI_2", "")
				.param("answer_RTLH_UJI_3", "tidak ada pertanyaan ketiga")
				.param("answer_KESEHATAN_1", "KESEHATAN tidak bertanya")
				.cookie(operator)
				.with(csrf()))
			.andReturn();
		assertThat(filed.getResponse().getRedirectedUrl()).startsWith("/kasus/UGD-");
		String ticket = filed.getResponse().getRedirectedUrl().substring("/kasus/".length());
		assertThat(this.jdbc.sql("""
				SELECT a.category_code || ':' || a.position || ':' || a.question || ':' || a.answer
				FROM case_category_answer a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :ticket""")
			.param("ticket", ticket)
			.query(String.class)
			.list()).containsExactly("RTLH_UJI:1:Jenis kerusakan:Atap bocor, dinding retak");

		// Rewording the question later leaves the case with what was asked.
		this.mvc
			.perform(post("/admin/kategori/RTLH_UJI").cookie(this.admin)
				.with(csrf())
				.param("name", "Rumah uji")
				.param("description", "Rumah tidak layak huni (uji)")
				.param("question1", "Kerusakan apa?")
				.param("version", "0"))
			.andExpect(redirectedUrl("/admin/kategori"));
		assertThat(this.jdbc
			.sql("""
					SELECT a.question FROM case_category_answer a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :ticket""")
			.param("ticket", ticket)
			.query(String.class)
			.single()).isEqualTo("Jenis kerusakan");
		// The case page shows the question as asked with the answer.
		this.mvc.perform(get("/kasus/{ticket}", ticket).cookie(operator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dt>Jenis kerusakan</dt>")))
			.andExpect(content().string(containsString("<dd>Atap bocor, dinding retak</dd>")))
			.andExpect(content().string(not(containsString("Kerusakan apa?"))));
		// And the API's case, for the roles that read it there.
		this.mvc.perform(get("/api/v1/cases/{ticket}", ticket).with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answers.length()").value(1))
			.andExpect(jsonPath("$.answers[0].category").value("RTLH_UJI"))
			.andExpect(jsonPath("$.answers[0].question").value("Jenis kerusakan"))
			.andExpect(jsonPath("$.answers[0].answer").value("Atap bocor, dinding retak"));
	}

	private MockHttpServletRequestBuilder add(String code, String name, String description) {
		return post("/admin/kategori").cookie(this.admin)
			.with(csrf())
			.param("code", code)
			.param("name", name)
			.param("description", description);
	}

	private MockHttpServletRequestBuilder edit(String code, String version) {
		return post("/admin/kategori/" + code).cookie(this.admin)
			.with(csrf())
			.param("name", "Rumah pesisir")
			.param("description", "Rumah di pesisir")
			.param("version", version);
	}

	private void expectError(MockHttpServletRequestBuilder request, String field, String messageKey) throws Exception {
		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", field, messageKey));
	}

	private long version(String code) {
		return this.jdbc.sql("SELECT version FROM category WHERE code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	private List<String> audit(String code) {
		return this.jdbc
			.sql("""
					SELECT action || '|' || actor_name || '|' || coalesce(before::text, 'null') || '|' || coalesce(after::text, 'null')
					FROM change_audit WHERE entity_type = 'CATEGORY' AND entity_key = :code ORDER BY id""")
			.param("code", code)
			.query(String.class)
			.list();
	}

}
