package id.ugdkemiskinan.residents;

import java.time.LocalDate;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.residents.registry.RegistryWriter;
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
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A beneficiary without NIK: "Mungkin orang yang sama" on their page, and the merge the
 * operator confirms (never automatic, never of two persons with a NIK).
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_pages")
class PersonMergeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryWriter writer;

	@Autowired
	TransactionTemplate tx;

	RegistryFixtures data;

	Cookie muncar;

	String name;

	/** Filed without NIK: a person of its own, in a household of its address. */
	long withoutNik;

	long ownHousehold;

	String ticket;

	/** The same woman, registered with her NIK. */
	long withNik;

	long household;

	String nik;

	@BeforeEach
	void twoRecordsOfOneWoman() throws Exception {
		this.data = new RegistryFixtures(this.mvc, this.jdbc, this.writer, this.tx);
		this.muncar = Logins.login(this.mvc, "upt.muncar");
		this.name = "Siti " + RegistryFixtures.word() + " Aminah";
		this.nik = CaseData.nik();
		this.household = this.data.household(RegistryFixtures.kk(), CaseData.MUNCAR_DESA, "Jl. Pelabuhan 12");
		this.withNik = this.data.person(this.nik, null, this.name, null, CaseData.MUNCAR_DESA, "Jl. Pelabuhan 12",
				this.household);
		this.ticket = this.data.fileCaseWithoutNik(this.muncar, CaseData.MUNCAR_DESA, "KESEHATAN");
		String address = "Dusun " + RegistryFixtures.word();
		this.ownHousehold = this.data.household(null, CaseData.MUNCAR_DESA, address);
		this.withoutNik = this.data.person(null, "KTP hilang", this.name.toUpperCase(), null, CaseData.MUNCAR_DESA,
				address, this.ownHousehold);
		this.data.link(this.ticket, this.withoutNik, "BARU");
		long blt = this.data.importOf("BLT_DD", "blt-2025.xlsx");
		this.data.imported(blt, this.ownHousehold, this.withoutNik, "BLT_DANA_DESA", LocalDate.of(2025, 5, 1));
	}

	@Test
	void thePageOfAPersonWithoutNikSuggestsTheSameNameInTheDesa() throws Exception {
		String page = page(this.muncar, "/warga/" + this.withoutNik);
		assertThat(page).contains("Mungkin orang yang sama", "href=\"/warga/" + this.withNik + "\"",
				"name=\"target\" value=\"" + this.withNik + "\"", "Gabungkan");
		assertThat(page(this.muncar, "/warga/" + this.withNik)).as("a person with NIK gets no suggestions")
			.doesNotContain("Mungkin orang yang sama");
		String dinkesPage = page(Logins.login(this.mvc, "dinkes"), "/warga/" + this.withoutNik);
		assertThat(dinkesPage).as("a dinas does not merge").doesNotContain("Mungkin orang yang sama");
	}

	@Test
	void aSimilarNameIsSuggestedADifferentOneIsNot() throws Exception {
		long similar = this.data.person(null, "-", this.name + "h", null, CaseData.MUNCAR_DESA, "Jl. Lain 1",
				this.household);
		long other = this.data.person(null, "-", "Bambang " + RegistryFixtures.word(), null, CaseData.MUNCAR_DESA,
				"Jl. Lain 1", this.household);
		long elsewhere = this.data.person(null, "-", this.name, null, CaseData.MUNCAR_DESA_2, "Jl. Lain 1",
				this.data.household(null, CaseData.MUNCAR_DESA_2, "Jl. Lain 1"));
		String page = page(this.muncar, "/warga/" + this.withoutNik);
		assertThat(page).contains("value=\"" + similar + "\"")
			.doesNotContain("value=\"" + other + "\"", "value=\"" + elsewhere + "\"");
	}

	@Test
	void confirmingMovesTheCasesAndInterventionsDeletesTheEmptiedPersonAndIsAudited() throws Exception {
		String confirm = page(this.muncar, "/warga/" + this.withoutNik + "/gabung?target=" + this.withNik);
		assertThat(confirm).contains("Gabungkan data warga?", "Ya, gabungkan", "name=\"_csrf\"", this.nik);

		MvcResult merged = this.mvc
			.perform(post("/warga/{id}/gabung", this.withoutNik).param("target", String.valueOf(this.withNik))
				.cookie(this.muncar)
				.with(csrf()))
			.andReturn();
		assertThat(merged.getResponse().getRedirectedUrl()).isEqualTo("/warga/" + this.withNik);
		assertThat(merged.getFlashMap().get("flashSuccess")).isEqualTo("warga.merge.done");

		assertThat(this.jdbc.sql("SELECT person_id || ':' || linked_by FROM person_case WHERE case_id = :c")
			.param("c", this.data.caseId(this.ticket))
			.query(String.class)
			.single()).isEqualTo(this.withNik + ":OPERATOR");
		assertThat(this.jdbc.sql("""
				SELECT person_id || ':' || household_id FROM intervention_received
				WHERE intervention_code = 'BLT_DANA_DESA' AND person_id = :p""")
			.param("p", this.withNik)
			.query(String.class)
			.list()).containsExactly(this.withNik + ":" + this.household);
		assertThat(count("SELECT count(*) FROM person WHERE id = " + this.withoutNik)).isZero();
		assertThat(count("SELECT count(*) FROM household WHERE id = " + this.ownHousehold)).as("emptied, no KK")
			.isZero();
		assertThat(this.jdbc.sql("SELECT last_helped_on FROM household WHERE id = :h")
			.param("h", this.household)
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2025, 5, 1));
		assertThat(this.jdbc.sql("""
				SELECT action || ' ' || actor_name || ' ' || CAST(after AS text) FROM change_audit
				WHERE entity_type = 'PERSON' AND entity_key = :k""")
			.param("k", String.valueOf(this.withoutNik))
			.query(String.class)
			.single()).startsWith("DELETED ").contains("\"target\": " + this.withNik, "\"cases\": 1");
		String page = page(this.muncar, "/warga/" + this.withNik);
		assertThat(page).contains("href=\"/kasus/" + this.ticket + "\"", "Impor BLT_DD (blt-2025.xlsx");

		// Done once: again, the person is gone.
		assertThat(merge(this.muncar, this.withoutNik, String.valueOf(this.withNik))).isEqualTo(404);
	}

	@Test
	void twoPersonsWithANikAreNeverMerged() throws Exception {
		long other = this.data.person(CaseData.nik(), null, this.name, null, CaseData.MUNCAR_DESA, "Jl. Pelabuhan 14",
				this.data.household(RegistryFixtures.kk(), CaseData.MUNCAR_DESA, "Jl. Pelabuhan 14"));
		assertThat(merge(this.muncar, other, String.valueOf(this.withNik))).isEqualTo(409);
		expect(this.muncar, "/warga/" + other + "/gabung?target=" + this.withNik, 409);
		assertThat(count("SELECT count(*) FROM person WHERE id IN (" + other + ", " + this.withNik + ")")).isEqualTo(2);
	}

	@Test
	void onlyASuggestedMatchIsMerged() throws Exception {
		long stranger = this.data.person(CaseData.nik(), null, "Bambang " + RegistryFixtures.word(), null,
				CaseData.MUNCAR_DESA, "Jl. Lain 2", this.household);
		assertThat(merge(this.muncar, this.withoutNik, String.valueOf(stranger))).isEqualTo(409);
		assertThat(merge(this.muncar, this.withoutNik, String.valueOf(this.withoutNik))).isEqualTo(409);
		assertThat(count("SELECT count(*) FROM person WHERE id = " + this.withoutNik)).isEqualTo(1);
	}

	@Test
	void outOfScopeAnswers404AndTheRolesThatDoNotMergeAreRefused() throws Exception {
		Cookie genteng = Logins.login(this.mvc, "upt.genteng");
		assertThat(merge(genteng, this.withoutNik, String.valueOf(this.withNik))).isEqualTo(404);
		expect(genteng, "/warga/" + this.withoutNik + "/gabung?target=" + this.withNik, 404);
		assertThat(merge(Logins.login(this.mvc, "dinkes"), this.withoutNik, String.valueOf(this.withNik)))
			.isEqualTo(403);
		assertThat(merge(Logins.login(this.mvc, "pimpinan"), this.withoutNik, String.valueOf(this.withNik)))
			.isEqualTo(403);
		MvcResult noCsrf = this.mvc
			.perform(post("/warga/{id}/gabung", this.withoutNik).param("target", String.valueOf(this.withNik))
				.cookie(this.muncar))
			.andReturn();
		assertThat(noCsrf.getResponse().getStatus()).isEqualTo(403);
		assertThat(count("SELECT count(*) FROM person WHERE id = " + this.withoutNik)).isEqualTo(1);
	}

	@Test
	void badTargetsAnswer400AndBadIds404() throws Exception {
		for (String target : new String[] { "abc", "", "99999999999999999999", "1.5" }) {
			assertThat(merge(this.muncar, this.withoutNik, target)).as("target=%s", target).isEqualTo(400);
		}
		assertThat(merge(this.muncar, this.withoutNik, "-1")).isEqualTo(404);
		assertThat(merge(this.muncar, this.withoutNik, "0")).isEqualTo(404);
		MvcResult missing = this.mvc
			.perform(post("/warga/{id}/gabung", this.withoutNik).cookie(this.muncar).with(csrf()))
			.andReturn();
		assertThat(missing.getResponse().getStatus()).isEqualTo(400);
		MvcResult nul = this.mvc.perform(
				post("/warga/{id}/gabung", this.withoutNik).param("target", "1\u0000").cookie(this.muncar).with(csrf()))
			.andReturn();
		assertThat(nul.getResponse().getStatus()).isEqualTo(400);
		for (String id : new String[] { "abc", "99999999999999999999", "-1" }) {
			MvcResult result = this.mvc
				.perform(post("/warga/" + id + "/gabung").param("target", String.valueOf(this.withNik))
					.cookie(this.muncar)
					.with(csrf()))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as("id=%s", id).isEqualTo(404);
		}
		expect(this.muncar, "/warga/" + this.withoutNik + "/gabung?target=abc", 400);
		expect(this.muncar, "/warga/" + this.withoutNik + "/gabung", 400);
		assertThat(count("SELECT count(*) FROM person WHERE id = " + this.withoutNik)).isEqualTo(1);
	}

	private int merge(Cookie session, long id, String target) throws Exception {
		return this.mvc.perform(post("/warga/{id}/gabung", id).param("target", target).cookie(session).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private String page(Cookie session, String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path).cookie(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as("GET %s", path).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private void expect(Cookie session, String path, int expected) throws Exception {
		MvcResult result = this.mvc.perform(get(path).cookie(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as("GET %s", path).isEqualTo(expected);
	}

}
