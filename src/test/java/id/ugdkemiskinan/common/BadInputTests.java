package id.ugdkemiskinan.common;

import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input answers 400 with a message (problem JSON with {@code errors} on the API),
 * never a 500, a misleading 404 or a value silently changed; an unknown address answers
 * 404, logged in or not.
 */
@IntegrationTest
class BadInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUnknownAddressIsNotFoundForEveryoneNotAccessDenied() throws Exception {
		this.mvc.perform(get("/tidak-ada")).andExpect(status().isNotFound());
		this.mvc.perform(get("/kasus/UGD-26-000001/tidak-ada/lagi")).andExpect(status().isNotFound());
		this.mvc.perform(get("/tidak-ada").cookie(Logins.login(this.mvc, "upt.muncar")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Tidak ditemukan")));
		this.mvc.perform(get("/api/v1/tidak-ada").with(httpBasic("sekretariat", Logins.DEMO_PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void knownAddressesKeepTheirAccessRules() throws Exception {
		this.mvc.perform(get("/kasus")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/kasus").cookie(Logins.login(this.mvc, "admin"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/kasus/UGD-26-000001/rute").cookie(Logins.login(this.mvc, "upt.muncar")).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/cases")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/admin/pengguna").cookie(Logins.login(this.mvc, "dinsos")))
			.andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "Sainten\u0007", "\u001b[31m", "x\u007fy", "\ud800", "rusak\ufffd" })
	void aControlCharacterOrBrokenTextInAFilterIsRefused(String q) throws Exception {
		this.mvc.perform(get("/kasus").param("q", q).cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/cases").param("q", q).with(httpBasic("sekretariat", Logins.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aControlCharacterInAFormFieldRefusesTheFilingAndStoresNothing() throws Exception {
		long before = cases();
		this.mvc
			.perform(CaseData.form(CaseData.nik(), Map.of("beneficiaryName", "Siti\u0000 Aminah"), "KESEHATAN")
				.cookie(Logins.login(this.mvc, "upt.muncar"))
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/login").param("username", "admin\u0000").param("password", "x").with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aCheckboxValueThatIsNotABooleanIsRefusedNotQuietlyFalse() throws Exception {
		long before = cases();
		this.mvc
			.perform(
					CaseData
						.form(CaseData.nik(),
								Map.of("reporterName", "Pak RT", "reporterPhone", "081233334444",
										"reporterConfidential", "mungkin"),
								"KESEHATAN")
						.cookie(Logins.login(this.mvc, "upt.muncar"))
						.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(containsString("Isian &quot;reporterConfidential&quot; berisi nilai yang tidak dapat dibaca")))
			.andExpect(content().string(containsString("Pak RT")));
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void tabsAndLineBreaksInTextAreFine() throws Exception {
		this.mvc
			.perform(
					CaseData
						.form(CaseData.nik(),
								Map.of("description",
										"Baris pertama.\r\nBaris kedua:\tanak putus sekolah, ibu sakit menahun."),
								"KESEHATAN")
						.cookie(Logins.login(this.mvc, "upt.muncar"))
						.with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void aNulOrALoneSurrogateInApiJsonIsRefusedNamingTheField() throws Exception {
		long before = cases();
		String nul = CaseData.json(CaseData.nik(), "KESEHATAN").replace("Lansia hidup", "Lansia\\u0000 hidup");
		this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(nul))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("description"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("karakter yang tidak diizinkan")));
		String surrogate = CaseData.json(CaseData.nik(), "KESEHATAN").replace("Mbah Sarni", "Mbah \\ud800Sarni");
		this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(surrogate))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("beneficiary.name"));
		this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"desaCode\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("bukan JSON yang sah")));
		assertThat(cases()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "filedFrom=0000-01-01", "filedFrom=-0001-01-01", "filedTo=10000-01-01",
			"filedFrom=2026-02-30", "filedFrom=abc", "overdue=maybe", "page=abc", "status=FOO", "priority=SEDANG" })
	void anUnreadableFilterIsABadRequestNamingIt(String parameter) throws Exception {
		String[] pair = parameter.split("=", 2);
		this.mvc.perform(get("/kasus").param(pair[0], pair[1]).cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Parameter &#39;" + pair[0] + "&#39; tidak valid")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "status=FOO", "page=abc", "overdue=maybe" })
	void anUnreadableApiFilterIsAProblemNamingIt(String parameter) throws Exception {
		String[] pair = parameter.split("=", 2);
		this.mvc
			.perform(get("/api/v1/cases").param(pair[0], pair[1]).with(httpBasic("sekretariat", Logins.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(pair[0]))
			.andExpect(jsonPath("$.detail").value("Parameter '" + pair[0] + "' tidak valid."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "filedFrom=abc|Tanggal tidak sah", "overdue=maybe|Nilai harus ya atau tidak",
			"page=abc|bukan bilangan bulat", "status=FOO|tidak dikenal" })
	void aFilterBoundToARecordSaysWhatIsWrongWithEachKindOfValue(String parameterAndMessage) throws Exception {
		String[] parts = parameterAndMessage.split("\\|");
		String[] pair = parts[0].split("=", 2);
		this.mvc.perform(get("/kasus").param(pair[0], pair[1]).cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(parts[1])));
	}

	/**
	 * The queue, triage and history pages and the assignments API bind their filters to
	 * records too: a wrong kind of value, an unknown option, a NUL byte or too long a
	 * search is a 400 that says what is wrong, in Bahasa Indonesia; an empty value
	 * filters nothing.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "dinkes|/antrian|state|FOO|tidak dikenal", "dinkes|/antrian|page|abc|bukan bilangan bulat",
					"dinkes|/antrian|page|99999999999|di luar batas", "dinkes|/antrian|kecamatan|a\u0000b|",
					"sekretariat|/triase|state|BREACHED;DROP|tidak dikenal", "sekretariat|/triase|kecamatan|a\\u0000b|",
					"dinkes|/antrian/riwayat|status|SELESAI_KAH|tidak dikenal",
					"dinkes|/antrian/riwayat|page|-1|di luar batas", "dinkes|/antrian/riwayat|q|a\u0000b|",
					"dinkes|/antrian/riwayat|q|LONG|paling panjang 100 karakter" })
	void aQueueOrHistoryFilterThatCannotBeReadIsABadRequestSayingWhy(String user, String path, String name,
			String value, String message) throws Exception {
		String typed = value.equals("LONG") ? "x".repeat(101)
				: value.replace("\\u0000", "\0").replace("\\u0007", "\007");
		var answer = this.mvc.perform(get(path).param(name, typed).cookie(Logins.login(this.mvc, user)))
			.andExpect(status().isBadRequest());
		if (message != null) {
			answer.andExpect(content().string(containsString(message)));
		}
		this.mvc.perform(get(path).param(name, "").cookie(Logins.login(this.mvc, user))).andExpect(status().isOk());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "state|FOO|tidak dikenal", "page|abc|bukan bilangan bulat",
			"size|0|di luar batas", "size|x|bukan bilangan bulat", "kecamatan|a\u0000b|" })
	void anAssignmentsApiFilterThatCannotBeReadIsAProblemSayingWhy(String name, String value, String message)
			throws Exception {
		String typed = value.replace("\\u0000", "\0");
		var answer = this.mvc
			.perform(get("/api/v1/assignments").param(name, typed).with(httpBasic("dinkes", Logins.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest());
		if (message != null) {
			answer.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value(name))
				.andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
		}
		this.mvc.perform(get("/api/v1/assignments").param(name, "").with(httpBasic("dinkes", Logins.DEMO_PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void anUnreadableBooleanApiFilterSaysWhatIsWrong() throws Exception {
		this.mvc
			.perform(
					get("/api/v1/cases").param("overdue", "maybe").with(httpBasic("sekretariat", Logins.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("Nilai harus ya atau tidak."));
	}

	@Test
	void aPathThatCannotBeReadNamesNothingThatExists() throws Exception {
		this.mvc
			.perform(post("/penugasan/abc/respon").param("note", "Petugas mengunjungi rumah warga hari ini.")
				.cookie(Logins.login(this.mvc, "dinsos"))
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void anUnknownLanguageIsIgnored() throws Exception {
		this.mvc.perform(get("/login").param("lang", "xx\r\nINFO forged log line"))
			.andExpect(status().isOk())
			.andExpect(cookie().doesNotExist("ugd-lang"))
			.andExpect(content().string(containsString("Masuk")));
		this.mvc.perform(get("/login").param("lang", "../../etc")).andExpect(status().isOk());
		this.mvc.perform(get("/login").cookie(new Cookie("ugd-lang", "zz")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Masuk")));
		this.mvc.perform(get("/login").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(cookie().value("ugd-lang", "en"));
	}

	private long cases() {
		return this.jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
	}

}
