package id.ugdkemiskinan.dashboard;

import java.time.Instant;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's period and filters are checked the same way on the page, the exports
 * and the API: at most 400 days, real dates with years 1 to 9999, start before end, known
 * codes and period choices; anything else is a 400 with a message (never a 500, never
 * silently changed).
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=dashboard")
class DashboardFilterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void now() {
		this.clock.set(Instant.parse("2026-11-20T05:00:00Z"));
	}

	@Test
	void aPeriodOverFourHundredDaysIsRefusedByTheApiWithProblemJson() throws Exception {
		this.mvc.perform(get("/api/v1/dashboard?from=1000-01-01").with(httpBasic("pimpinan", Logins.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value(containsString("Saringan dasbor")))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("from"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("paling panjang 400 hari")));
	}

	@Test
	void fourHundredDaysIsStillServed() throws Exception {
		this.mvc
			.perform(get("/api/v1/dashboard?from=2025-10-17&to=2026-11-20")
				.with(httpBasic("pimpinan", Logins.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2025-10-17"));
		this.mvc
			.perform(get("/api/v1/dashboard?from=2025-10-16&to=2026-11-20")
				.with(httpBasic("pimpinan", Logins.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("401 hari")));
	}

	@Test
	void aPeriodOverFourHundredDaysShowsTheFilterFormWithTheMessageAndStatus400() throws Exception {
		String page = this.mvc.perform(get("/dasbor?period=custom&from=1000-01-01&to=2026-11-20").cookie(login()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("<form", "action=\"/dasbor\"", "Periode paling panjang 400 hari", "value=\"1000-01-01\"",
					"is-invalid", "aria-describedby=\"from-error\"", "<nav")
			.doesNotContain("id=\"dashboard-body\"", "hx-get");
	}

	@Test
	void theExportsRefuseTheSamePeriodWithTheFormAnd400() throws Exception {
		Cookie session = login();
		for (String export : new String[] { "/dasbor/ekspor.csv", "/dasbor/ekspor.xlsx" }) {
			String page = this.mvc.perform(get(export + "?from=1000-01-01&to=2026-11-20").cookie(session))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(export).contains("<form", "Periode paling panjang 400 hari");
		}
	}

	@Test
	void aRefusedExportOfAScopedUserShowsTheirFormWithoutTheScopeFilters() throws Exception {
		String page = this.mvc.perform(get("/dasbor/ekspor.xlsx?from=abc").cookie(Logins.login(this.mvc, "upt.muncar")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Tanggal tidak sah", "id=\"category\"")
			.doesNotContain("id=\"kecamatan\"", "id=\"dinas\"");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			from=abc                          | from      | Tanggal tidak sah
			from=2026-02-30                   | from      | Tanggal tidak sah
			from=0000-01-01&to=0000-01-02     | from      | Tanggal tidak sah
			from=-0001-01-01                  | from      | Tanggal tidak sah
			from=%2B10000-01-01               | from      | Tanggal tidak sah
			to=10000-01-01                    | to        | Tanggal tidak sah
			from=2026-11-19&to=2026-11-18     | from      | setelah tanggal akhir
			from=2026-12-01                   | from      | setelah tanggal akhir
			kecamatan=99.99.99                | kecamatan | Kecamatan tidak dikenal
			dinas=NOPE                        | dinas     | Dinas tidak dikenal
			category=NOPE                     | category  | Kategori tidak dikenal
			period=FOO                        | period    | Pilihan periode tidak dikenal
			period=custom                     | from      | Isi tanggal dari dan sampai
			""")
	void aBadFilterIsA400WithItsFieldAndMessage(String query, String field, String message) throws Exception {
		this.mvc.perform(get("/api/v1/dashboard?" + query).with(httpBasic("sekretariat", Logins.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
		String page = this.mvc.perform(get("/dasbor?" + query).cookie(login()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<form", "id=\"" + field + "-error\"", message).doesNotContain("??");
		this.mvc.perform(get("/dasbor?" + query).cookie(login()).header("HX-Request", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(message)));
	}

	@Test
	void aScopedUsersFilterIsStillOverriddenByTheirScopeButAnUnknownCodeIsRefused() throws Exception {
		this.mvc.perform(get("/api/v1/dashboard?dinas=DINSOS").with(httpBasic("dinkes", Logins.DEMO_PASSWORD)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/dashboard?dinas=NOPE").with(httpBasic("dinkes", Logins.DEMO_PASSWORD)))
			.andExpect(status().isBadRequest());
	}

	private Cookie login() throws Exception {
		return Logins.login(this.mvc, "sekretariat");
	}

}
