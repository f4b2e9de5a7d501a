package id.ugdkemiskinan.residents;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The registry's search ({@code /warga?q=}) by every kind of query, in scope, paged. */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_pages")
class RegistrySearchTests {

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

	String nik;

	String kk;

	String phone;

	String word;

	String street;

	long person;

	long household;

	@BeforeEach
	void aMuncarResident() throws Exception {
		this.data = new RegistryFixtures(this.mvc, this.jdbc, this.writer, this.tx);
		this.muncar = Logins.login(this.mvc, "upt.muncar");
		this.nik = CaseData.nik();
		this.kk = RegistryFixtures.kk();
		this.phone = RegistryFixtures.phone();
		this.word = RegistryFixtures.word();
		this.street = RegistryFixtures.word();
		this.household = this.data.household(this.kk, CaseData.MUNCAR_DESA, "Jl. " + this.street + " 7, Dusun Krajan");
		this.person = this.data.person(this.nik, null, "Siti Mar" + this.word + "wati Rahayu", this.phone,
				CaseData.MUNCAR_DESA, "Jl. " + this.street + " 7", this.household);
	}

	@Test
	void byTheWholeNik() throws Exception {
		assertThat(found(this.muncar, this.nik))
			.contains(personLink(), householdLink(),
					">" + this.nik.substring(0, 4) + "********" + this.nik.substring(12) + "<", "Kec. Muncar")
			.doesNotContain(">" + this.nik + "<");
	}

	@Test
	void bySixDigitsOfTheNikAndByTheKk() throws Exception {
		assertThat(found(this.muncar, this.nik.substring(10, 16))).contains(personLink());
		assertThat(found(this.muncar, this.kk)).contains(personLink());
		assertThat(found(this.muncar, this.kk.substring(6, 14))).contains(personLink());
	}

	@Test
	void byAFragmentInTheMiddleOfTheNameCaseAndAccentsAside() throws Exception {
		assertThat(found(this.muncar, "ar" + this.word.substring(0, 5))).contains(personLink());
		assertThat(found(this.muncar, this.word.toUpperCase() + " siti")).contains(personLink());
		String accented = "é" + this.word.substring(1);
		this.jdbc.sql("UPDATE person SET name = :n WHERE id = :id")
			.param("n", "Siti Mar" + accented + "wati")
			.param("id", this.person)
			.update();
		assertThat(found(this.muncar, "E" + this.word.substring(1))).contains(personLink());
	}

	@Test
	void byThePhoneIn08AndPlus62Form() throws Exception {
		assertThat(found(this.muncar, this.phone)).contains(personLink());
		String international = "+62 " + this.phone.substring(1, 4) + "-" + this.phone.substring(4, 8) + " "
				+ this.phone.substring(8);
		assertThat(found(this.muncar, international)).contains(personLink());
	}

	@Test
	void byAFragmentOfTheAddress() throws Exception {
		assertThat(found(this.muncar, this.street.substring(1, 7))).contains(personLink(), householdLink());
	}

	@Test
	void pagedByName() throws Exception {
		String shared = RegistryFixtures.word();
		long big = this.data.household(RegistryFixtures.kk(), CaseData.MUNCAR_DESA, "Jl. Panjang 1");
		for (int i = 0; i < 30; i++) {
			this.data.person(null, "tidak punya KTP", String.format("Warga %s %02d", shared, i), null,
					CaseData.MUNCAR_DESA, "Jl. Panjang 1", big);
		}
		String first = found(this.muncar, shared);
		assertThat(first).contains("Menampilkan 1–25 dari 30", "Warga " + shared + " 00", "Warga " + shared + " 24")
			.doesNotContain("Warga " + shared + " 25");
		String second = page(this.muncar, get("/warga").param("q", shared).param("page", "1"));
		assertThat(second).contains("Menampilkan 26–30 dari 30", "Warga " + shared + " 25", "Warga " + shared + " 29")
			.doesNotContain("Warga " + shared + " 24");
		assertThat(page(this.muncar, get("/warga").param("q", shared).param("page", "5"))).contains("Halaman 6");
	}

	@Test
	void onlyInScope() throws Exception {
		Cookie genteng = Logins.login(this.mvc, "upt.genteng");
		assertThat(found(genteng, this.nik)).doesNotContain(personLink()).contains("Tidak ada warga yang cocok");
		assertThat(found(Logins.login(this.mvc, "sekretariat"), this.nik)).contains(personLink());
		Cookie dinsos = Logins.login(this.mvc, "dinsos");
		assertThat(found(dinsos, this.nik)).doesNotContain(personLink());

		String ticket = this.data.fileCase(this.muncar, this.nik, CaseData.MUNCAR_DESA, "BANTUAN_SOSIAL");
		this.data.link(ticket, this.person, "NIK");
		assertThat(found(dinsos, this.nik)).contains(personLink());
		expect(Logins.login(this.mvc, "pimpinan"), "/warga", 403);
	}

	@Test
	void anEmptyQueryShowsTheFormOnly() throws Exception {
		assertThat(page(this.muncar, get("/warga"))).contains("Cari warga", "name=\"q\"")
			.doesNotContain("Tidak ada warga");
		assertThat(found(this.muncar, "")).doesNotContain("Tidak ada warga");
		assertThat(found(this.muncar, "   ")).doesNotContain("Tidak ada warga");
	}

	@Test
	void badQueriesAnswer400WithAMessageOnThePage() throws Exception {
		assertThat(bad("a".repeat(101), null)).contains("paling panjang 100 karakter", "name=\"q\"");
		assertThat(bad("ab", null)).contains("Ketik minimal 3 huruf", "name=\"q\"");
		assertThat(bad("ab cd", null)).contains("Ketik minimal 3 huruf");
		assertThat(bad("123", null)).contains("minimal 4 angka");
		assertThat(bad("+62", null)).contains("minimal 4 angka");
		// Refused by the input filter before MVC (the server renders its error page).
		bad("siti\u0000", null);
		assertThat(bad("siti", "-1")).contains("page");
		assertThat(bad("siti", "abc")).contains("page");
		assertThat(bad("siti", "99999999999999")).contains("page");
		assertThat(found(this.muncar, "100% 'siti_\\")).contains("Tidak ada warga");
	}

	private String found(Cookie session, String q) throws Exception {
		return page(session, get("/warga").param("q", q));
	}

	private String personLink() {
		return "href=\"/warga/" + this.person + "\"";
	}

	private String householdLink() {
		return "href=\"/keluarga/" + this.household + "\"";
	}

	private String page(Cookie session, MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.cookie(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as("GET %s", result.getRequest().getQueryString()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private String bad(String q, String page) throws Exception {
		MockHttpServletRequestBuilder request = get("/warga").param("q", q).cookie(this.muncar);
		if (page != null) {
			request.param("page", page);
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as("q=%s page=%s", q, page).isEqualTo(400);
		return result.getResponse().getContentAsString();
	}

	private void expect(Cookie session, String path, int expected) throws Exception {
		MvcResult result = this.mvc.perform(get(path).cookie(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as("GET %s", path).isEqualTo(expected);
	}

}
