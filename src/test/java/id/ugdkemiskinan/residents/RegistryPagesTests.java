package id.ugdkemiskinan.residents;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.residents.registry.RegistryWriter;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The person and household pages, who may see them, the access log, and the way from a
 * case to its person, on real PostgreSQL.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_pages")
class RegistryPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	RegistryWriter writer;

	@Autowired
	TransactionTemplate tx;

	RegistryFixtures data;

	Cookie muncar;

	Cookie sekretariat;

	/** A Muncar household with KK: the mother (with a case for DINKES) and a child. */
	String nik;

	String childNik;

	String kk;

	String ticket;

	long household;

	long mother;

	long child;

	String name;

	@BeforeEach
	void aMuncarHousehold() throws Exception {
		this.data = new RegistryFixtures(this.mvc, this.jdbc, this.writer, this.tx);
		this.muncar = Logins.login(this.mvc, "upt.muncar");
		this.sekretariat = Logins.login(this.mvc, "sekretariat");
		this.nik = CaseData.nik();
		this.childNik = "3510051506150" + this.nik.substring(13);
		this.kk = RegistryFixtures.kk();
		this.ticket = this.data.fileCase(this.muncar, this.nik, CaseData.MUNCAR_DESA, "KESEHATAN");
		this.name = "Siti " + RegistryFixtures.word();
		this.household = this.data.household(this.kk, CaseData.MUNCAR_DESA, "Dusun Krajan, Jl. Pelabuhan 12");
		this.mother = this.data.person(this.nik, null, this.name, "081234567890", CaseData.MUNCAR_DESA,
				"Dusun Krajan, Jl. Pelabuhan 12", this.household);
		this.child = this.data.person(this.childNik, null, "Budi " + RegistryFixtures.word(), null,
				CaseData.MUNCAR_DESA, "Dusun Krajan, Jl. Pelabuhan 12", this.household);
		this.data.link(this.ticket, this.mother, "NIK");
	}

	@Test
	void thePersonPageShowsWhoTheyAreTheirCasesAndWhatTheyReceivedNewestFirst() throws Exception {
		long pkh = this.data.importOf("PKH", "pkh-2025.xlsx");
		this.data.imported(pkh, this.household, this.mother, "PKH", LocalDate.of(2025, 3, 1));
		this.data.resolvedAs(this.ticket, "DINKES", this.household, this.mother, "PBI_JKN", LocalDate.of(2026, 2, 3));

		String page = page(this.sekretariat, "/warga/" + this.mother);

		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneId.of("Asia/Jakarta"));
		int age = Period.between(LocalDate.of(1980, 3, 12), today).getYears();
		assertThat(page).contains(this.name, this.nik, "Perempuan", "12 Mar 1980", "(" + age + " tahun)",
				"081234567890", "Dusun Krajan, Jl. Pelabuhan 12", "Kec. Muncar",
				"href=\"/keluarga/" + this.household + "\"", "KK " + this.kk, "href=\"/kasus/" + this.ticket + "\"",
				"Kesehatan", "Terbuka", "Impor PKH (pkh-2025.xlsx, 2 Mar 2025)", "3 Feb 2026", "1 Mar 2025");
		assertThat(page.indexOf("3 Feb 2026")).as("newest first").isLessThan(page.indexOf("1 Mar 2025"));
		assertThat(page).doesNotContain("Mungkin orang yang sama");
		assertThat(accessRows("PERSON", this.mother, "sekretariat", "/warga/" + this.mother)).isEqualTo(1);
	}

	@Test
	void theHouseholdPageShowsMembersMaskedTheirCasesInterventionsByYearAndTheDesilHistory() throws Exception {
		long pkh = this.data.importOf("PKH", "pkh-2024.csv");
		this.data.imported(pkh, this.household, null, "BLT_DANA_DESA", LocalDate.of(2024, 6, 1));
		this.data.imported(pkh, this.household, this.child, "KIP_BEASISWA", LocalDate.of(2025, 8, 1));
		this.data.desil(this.household, 3, "DTSEN", LocalDate.of(2024, 1, 1), false);
		this.data.desil(this.household, 2, "DTSEN", LocalDate.of(2026, 1, 1), true);

		String page = page(this.muncar, "/keluarga/" + this.household);

		assertThat(page).contains("KK " + this.kk, "Dusun Krajan, Jl. Pelabuhan 12", "Anggota keluarga (2)",
				this.nik.substring(0, 4) + "********" + this.nik.substring(12), "href=\"/warga/" + this.mother + "\"",
				"href=\"/warga/" + this.child + "\"", "Laki-laki", "href=\"/kasus/" + this.ticket + "\"",
				"seluruh keluarga", "<h3 class=\"h6 mt-3\">2025</h3>", "<h3 class=\"h6 mt-3\">2024</h3>",
				"Desil 2 (DTSEN, per 1 Jan 2026)", "saat ini");
		assertThat(page).doesNotContain(this.nik, this.childNik);
		assertThat(page.indexOf(">2025<")).isLessThan(page.indexOf(">2024<"));
		assertThat(page.indexOf("saat ini")).as("the current desil is the newest row")
			.isLessThan(page.indexOf("1 Jan 2024"));
		assertThat(accessRows("HOUSEHOLD", this.household, "upt.muncar", "/keluarga/" + this.household)).isEqualTo(1);
	}

	@Test
	void aHouseholdWithoutKkIsTheHouseholdOfAnAddress() throws Exception {
		long byAddress = this.data.household(null, CaseData.MUNCAR_DESA, "Dusun " + RegistryFixtures.word() + " RT 3");
		this.data.person(null, "belum punya KTP", "Mbah " + RegistryFixtures.word(), null, CaseData.MUNCAR_DESA,
				"Dusun RT 3", byAddress);
		assertThat(page(this.muncar, "/keluarga/" + byAddress)).contains("Tanpa KK — rumah tangga menurut alamat",
				"tanpa NIK");
	}

	@Test
	void anOperatorSeesTheHouseholdsOfTheirKecamatanOnlyAndTheLeadershipAndAdminNone() throws Exception {
		Cookie genteng = Logins.login(this.mvc, "upt.genteng");
		expect(genteng, "/keluarga/" + this.household, 404);
		expect(genteng, "/warga/" + this.mother, 404);
		expect(this.muncar, "/warga/" + this.mother, 200);
		expect(Logins.login(this.mvc, "pimpinan"), "/warga/" + this.mother, 403);
		expect(Logins.login(this.mvc, "pimpinan"), "/keluarga/" + this.household, 403);
		expect(Logins.login(this.mvc, "admin"), "/warga/" + this.mother, 403);
		expect(Logins.login(this.mvc, "admin"), "/warga", 403);
		assertThat(accessRows("PERSON", this.mother, "upt.genteng", "/warga/" + this.mother)).as("a 404 is no view")
			.isZero();
	}

	@Test
	void aDinasSeesTheHouseholdOnlyWhileItHasAnOpenAssignmentThere() throws Exception {
		Cookie dinkes = Logins.login(this.mvc, "dinkes");
		Cookie dinsos = Logins.login(this.mvc, "dinsos");
		expect(dinkes, "/keluarga/" + this.household, 200);
		expect(dinkes, "/warga/" + this.child, 200);
		expect(dinsos, "/keluarga/" + this.household, 404);

		long task = this.data.assignmentId(this.ticket, "DINKES");
		this.mvc
			.perform(post("/penugasan/{id}/selesai", task).param("intervention", "PBI_JKN")
				.param("note", "Warga sudah terdaftar PBI-JKN dan berobat ke puskesmas.")
				.cookie(dinkes)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT status FROM assignment WHERE id = :id")
			.param("id", task)
			.query(String.class)
			.single()).isEqualTo("SELESAI");

		expect(dinkes, "/keluarga/" + this.household, 404);
		expect(dinkes, "/warga/" + this.mother, 404);
		assertThat(search(dinkes, this.nik)).doesNotContain(this.name);
	}

	@Test
	void aReturnedAssignmentEndsTheDinasView() throws Exception {
		String nik = CaseData.nik();
		String ticket = this.data.fileCase(this.muncar, nik, CaseData.MUNCAR_DESA, "PENDIDIKAN");
		long home = this.data.household(RegistryFixtures.kk(), CaseData.MUNCAR_DESA, "Jl. Sekolah 4");
		long pupil = this.data.person(nik, null, "Andi " + RegistryFixtures.word(), null, CaseData.MUNCAR_DESA,
				"Jl. Sekolah 4", home);
		this.data.link(ticket, pupil, "NIK");
		Cookie dindik = Logins.login(this.mvc, "dindik");
		expect(dindik, "/warga/" + pupil, 200);

		this.mvc
			.perform(post("/penugasan/{id}/kembalikan", this.data.assignmentId(ticket, "DINDIK"))
				.param("reason", "Anak sudah lulus SMP; butuh bantuan sosial, bukan pendidikan.")
				.cookie(dindik)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		expect(dindik, "/warga/" + pupil, 404);
		expect(dindik, "/keluarga/" + home, 404);
	}

	@Test
	void theCasePageLeadsToItsPersonForThoseWhoMaySeeBoth() throws Exception {
		assertThat(page(this.muncar, "/kasus/" + this.ticket)).contains("href=\"/warga/kasus/" + this.ticket + "\"",
				"Riwayat warga");
		assertThat(page(Logins.login(this.mvc, "pimpinan"), "/kasus/" + this.ticket)).doesNotContain("Riwayat warga");

		redirect(this.muncar, "/warga/kasus/" + this.ticket, "/warga/" + this.mother);
		redirect(this.sekretariat, "/warga/kasus/" + this.ticket, "/warga/" + this.mother);
		Cookie dinkes = Logins.login(this.mvc, "dinkes");
		redirect(dinkes, "/warga/kasus/" + this.ticket, "/warga/" + this.mother);
		expect(Logins.login(this.mvc, "upt.genteng"), "/warga/kasus/" + this.ticket, 404);
		expect(Logins.login(this.mvc, "dinsos"), "/warga/kasus/" + this.ticket, 404);
		expect(this.muncar, "/warga/kasus/UGD-26-999999", 404);
		expect(this.muncar, "/warga/kasus/" + "X".repeat(300), 404);

		// Seen by cases' rules (the dinas keeps its resolved assignment) but not by the
		// registry's: 404.
		this.mvc
			.perform(post("/penugasan/{id}/selesai", this.data.assignmentId(this.ticket, "DINKES"))
				.param("intervention", "PBI_JKN")
				.param("note", "Warga sudah terdaftar PBI-JKN dan berobat ke puskesmas.")
				.cookie(dinkes)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		expect(dinkes, "/kasus/" + this.ticket, 200);
		expect(dinkes, "/warga/kasus/" + this.ticket, 404);
	}

	@Test
	void aCaseWithoutItsPersonLinkedAnswers404() throws Exception {
		String ticket = this.data.fileCase(this.muncar, CaseData.nik(), CaseData.MUNCAR_DESA, "KESEHATAN");
		this.jdbc.sql("DELETE FROM person_case WHERE case_id = :id").param("id", this.data.caseId(ticket)).update();
		expect(this.muncar, "/warga/kasus/" + ticket, 404);
	}

	@Test
	void aCaseOutsideTheUsersCaseScopeIsListedButNotLinked() throws Exception {
		// The mother moved to Genteng, where her new case was filed: Muncar's operator
		// sees the person (household still in Muncar) and the case's ticket, not a link.
		Cookie genteng = Logins.login(this.mvc, "upt.genteng");
		String elsewhere = this.data.fileCase(genteng, CaseData.nik(), CaseData.GENTENG_DESA, "KESEHATAN");
		this.data.link(elsewhere, this.mother, "OPERATOR");
		String page = page(this.muncar, "/warga/" + this.mother);
		assertThat(page).contains(elsewhere, "di luar cakupan kasus Anda", "href=\"/kasus/" + this.ticket + "\"")
			.doesNotContain("href=\"/kasus/" + elsewhere + "\"");
	}

	@Test
	void badIdsAnswer404() throws Exception {
		for (String id : new String[] { "abc", "99999999999999999999", "-1", "0", "9223372036854775807", "1.5" }) {
			expect(this.sekretariat, "/warga/" + id, 404);
			expect(this.sekretariat, "/keluarga/" + id, 404);
		}
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String search(Cookie session, String q) throws Exception {
		return page(session, "/warga?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
	}

	private void expect(Cookie session, String path, int expected) throws Exception {
		MvcResult result = this.mvc.perform(get(path).cookie(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as("GET %s", path).isEqualTo(expected);
	}

	private void redirect(Cookie session, String path, String to) throws Exception {
		MvcResult result = this.mvc.perform(get(path).cookie(session)).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("GET %s", path).isEqualTo(to);
	}

	private int accessRows(String type, long record, String username, String pagePath) {
		return this.jdbc.sql("""
				SELECT count(*) FROM registry_access
				WHERE record_type = :type AND record_id = :record AND page = :page
				  AND user_id = (SELECT id FROM app_user WHERE username = :user)""")
			.param("type", type)
			.param("record", record)
			.param("page", pagePath)
			.param("user", username)
			.query(Integer.class)
			.single();
	}

}
