package id.ugdkemiskinan.cases;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The search of the case list, the dinas history and the API: any part of a name (case
 * and accents aside), 4 or more digits of the NIK, KK or phone (typed with spaces or
 * not), a ticket with or without its prefix; scoped as the list is.
 */
@IntegrationTest
class CaseSearchTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anyPartOfANameFindsTheCaseWhateverItsCaseAndAccents() throws Exception {
		String word = uniqueWord();
		String ticket = file(Map.of("beneficiaryName", "Mbah Saintén " + word));
		for (String q : new String[] { "Sainten", "sainten", "SAINTEN", "saintén", "ainte", "mbah sainten",
				word.toLowerCase(), word.substring(2), "Sainten " + word, word + " mbah" }) {
			assertThat(list("sekretariat", q)).as("q=%s", q).contains(link(ticket));
		}
		assertThat(list("sekretariat", word + "x")).doesNotContain(link(ticket));
		assertThat(list("sekretariat", "Sainten Nobody" + word)).doesNotContain(link(ticket));
	}

	@Test
	void fourOrMoreDigitsOfTheNikKkOrPhoneFindTheCaseTypedWithSpacesOrNot() throws Exception {
		String serial = String.format("%04d", ThreadLocalRandom.current().nextInt(1000, 10000));
		String nik = "351005710885" + serial;
		String kk = "35100512" + serial + "7391";
		String phone = "0857 " + serial + " 4321";
		String ticket = file(nik, Map.of("kk", kk, "beneficiaryPhone", phone));
		for (String q : new String[] { nik, "885" + serial, "3510 0571 0885 " + serial, "3510-0571-0885-" + serial,
				"12" + serial + "73", serial + "7391", "0857" + serial, "0857-" + serial + "-4321",
				"+62 857 " + serial + " 4321", serial + " 4321" }) {
			assertThat(list("sekretariat", q)).as("q=%s", q).contains(link(ticket));
		}
		assertThat(list("sekretariat", "885" + serial + "9")).doesNotContain(link(ticket));
	}

	@Test
	void filterValuesAreTrimmedAndBlankOnesFilterNothing() throws Exception {
		String word = uniqueWord();
		String ticket = file(Map.of("beneficiaryName", "Ibu " + word));
		assertThat(list("sekretariat", "   " + word + "  ")).contains(link(ticket));
		String blanks = this.mvc
			.perform(get("/kasus").param("q", "   ")
				.param("kecamatan", " ")
				.param("dinas", "")
				.cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(blanks).contains(link(ticket));
		this.mvc
			.perform(get("/api/v1/cases").param("q", "  " + word + " ")
				.param("kecamatan", "  ")
				.with(httpBasic("sekretariat", "banyuwangi")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].ticket", hasItem(ticket)));
	}

	@Test
	void aTicketIsFoundWithOrWithoutItsPrefix() throws Exception {
		String ticket = file(Map.of());
		String year = ticket.substring(4, 6);
		String number = ticket.substring(7);
		for (String q : new String[] { ticket, ticket.toLowerCase(), number, year + "-" + number, year + " " + number,
				"UGD " + year + " " + number, String.valueOf(Integer.parseInt(number)) }) {
			assertThat(list("sekretariat", q)).as("q=%s", q).contains(link(ticket));
		}
		assertThat(list("sekretariat", "UGD-" + year + "-" + (Integer.parseInt(number) + 100000)))
			.doesNotContain(link(ticket));
	}

	@Test
	void oneOrTwoLettersMatchTheStartOfAWordNotTheMiddle() throws Exception {
		String word = uniqueWord();
		String ticket = file(Map.of("beneficiaryName", "Ibu " + word));
		assertThat(list("sekretariat", word.substring(0, 2))).contains(link(ticket));
		assertThat(list("sekretariat", word.substring(0, 1) + " " + word.substring(0, 2))).contains(link(ticket));
		assertThat(list("sekretariat", word.substring(3, 5))).doesNotContain(link(ticket));
		// LIKE's wildcards are text like any other.
		assertThat(list("sekretariat", "%")).doesNotContain(link(ticket));
		assertThat(list("sekretariat", "_" + word.substring(1))).doesNotContain(link(ticket));
	}

	@Test
	void theSearchKeepsToTheScope() throws Exception {
		String word = uniqueWord();
		String ticket = file(Map.of("beneficiaryName", "Pak " + word));
		assertThat(list("upt.muncar", word.substring(1))).contains(link(ticket));
		assertThat(list("pimpinan", word.substring(1))).contains(link(ticket));
		assertThat(list("upt.genteng", word.substring(1))).doesNotContain(link(ticket));
		this.mvc
			.perform(get("/api/v1/cases").param("q", word.substring(1)).with(httpBasic("upt.genteng", "banyuwangi")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].ticket", not(hasItem(ticket))));
	}

	@Test
	void theApiSearchesAsTheListDoesAndCountsTheMatches() throws Exception {
		String word = uniqueWord();
		String ticket = file(Map.of("beneficiaryName", "Mbah " + word + " Sainten"));
		this.mvc
			.perform(get("/api/v1/cases").param("q", word.substring(2).toUpperCase())
				.with(httpBasic("sekretariat", "banyuwangi")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].ticket", hasItem(ticket)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.totalExact").value(true))
			.andExpect(jsonPath("$.hasNext").value(false));
	}

	@Test
	void theDinasHistorySearchesOnlyThatDinassCases() throws Exception {
		String word = uniqueWord();
		String kesehatan = file(Map.of("beneficiaryName", "Mbok " + word), "KESEHATAN");
		String pendidikan = file(Map.of("beneficiaryName", "Mbok " + word + " Kedua"), "PENDIDIKAN");
		String dinkes = page("/antrian/riwayat?q=" + word.substring(1), "dinkes");
		assertThat(dinkes).contains(link(kesehatan)).doesNotContain(link(pendidikan));
		assertThat(page("/antrian/riwayat?q=" + word.substring(1), "dindik")).contains(link(pendidikan))
			.doesNotContain(link(kesehatan));
		assertThat(page("/antrian/riwayat?q=" + word.substring(1), "dinsos")).doesNotContain(link(kesehatan))
			.doesNotContain(link(pendidikan));
		assertThat(page("/antrian/riwayat?status=SELESAI&q=" + word.substring(1), "dinkes"))
			.doesNotContain(link(kesehatan));
		assertThat(page("/antrian/riwayat?status=MENUNGGU_RESPON&q=" + word.substring(1), "dinkes"))
			.contains(link(kesehatan));
	}

	@Test
	void aSearchLongerThan100CharactersIs400() throws Exception {
		this.mvc.perform(get("/kasus").param("q", "a".repeat(101)).cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("paling panjang 100 karakter")));
		this.mvc.perform(get("/api/v1/cases").param("q", "a".repeat(101)).with(httpBasic("sekretariat", "banyuwangi")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("q"));
	}

	private String file(Map<String, String> replaced, String... categories) throws Exception {
		return file(CaseData.nik(), replaced, categories);
	}

	private String file(String nik, Map<String, String> replaced, String... categories) throws Exception {
		String location = this.mvc
			.perform(CaseData.form(nik, replaced, categories.length == 0 ? new String[] { "KESEHATAN" } : categories)
				.cookie(Logins.login(this.mvc, "upt.muncar"))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/kasus/UGD-");
		return location.substring("/kasus/".length());
	}

	private String list(String user, String q) throws Exception {
		return this.mvc.perform(get("/kasus").param("q", q).cookie(Logins.login(this.mvc, user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String page(String path, String user) throws Exception {
		return this.mvc.perform(get(path).cookie(Logins.login(this.mvc, user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String link(String ticket) {
		return "href=\"/kasus/" + ticket + "\"";
	}

	/** A made-up word no other test's resident carries. */
	private static String uniqueWord() {
		StringBuilder word = new StringBuilder("Q");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 7; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

}
