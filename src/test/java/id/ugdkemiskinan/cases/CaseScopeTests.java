package id.ugdkemiskinan.cases;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Scope on the pages: a case outside it does not exist for the user. */
@IntegrationTest
class CaseScopeTests {

	@Autowired
	MockMvc mvc;

	String nik;

	String ticket;

	@BeforeEach
	void fileAMuncarCaseWithAConfidentialReporter() throws Exception {
		this.nik = CaseData.nik();
		String location = this.mvc
			.perform(CaseData
				.form(this.nik,
						java.util.Map.of("reporterName", "Bu Bidan Rahasia", "reporterRelation", "Tetangga",
								"reporterConfidential", "true"),
						"KESEHATAN")
				.cookie(Logins.login(this.mvc, "upt.muncar"))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.ticket = location.substring("/kasus/".length());
	}

	@Test
	void anOperatorOfAnotherKecamatanGets404ForTheCasePage() throws Exception {
		this.mvc.perform(get("/kasus/{t}", this.ticket).cookie(Logins.login(this.mvc, "upt.genteng")))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyTheAssignedDinasSeesTheCase() throws Exception {
		this.mvc.perform(get("/kasus/{t}", this.ticket).cookie(Logins.login(this.mvc, "dinkes")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/kasus/{t}", this.ticket).cookie(Logins.login(this.mvc, "dinsos")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theConfidentialReporterIsShownOnlyToTheSecretariat() throws Exception {
		assertThat(page("/kasus/" + this.ticket, "sekretariat")).contains("Bu Bidan Rahasia");
		assertThat(page("/kasus/" + this.ticket, "upt.muncar")).doesNotContain("Bu Bidan Rahasia")
			.contains("Identitas pelapor dirahasiakan.");
		assertThat(page("/kasus/" + this.ticket, "pimpinan")).doesNotContain("Bu Bidan Rahasia");
		assertThat(page("/kasus/" + this.ticket, "dinkes")).doesNotContain("Bu Bidan Rahasia");
	}

	@Test
	void theListIsScopedMasksTheNikAndTheCasePageShowsItInFull() throws Exception {
		String masked = this.nik.substring(0, 4) + "********" + this.nik.substring(12);
		assertThat(page("/kasus?q=" + this.ticket, "upt.muncar")).contains(link(), masked).doesNotContain(this.nik);
		assertThat(page("/kasus?q=" + this.nik, "upt.muncar")).contains(link());
		assertThat(page("/kasus?q=" + this.nik, "upt.genteng")).doesNotContain(link());
		assertThat(page("/kasus?q=" + this.ticket, "pimpinan")).contains(link());
		assertThat(page("/kasus/" + this.ticket, "upt.muncar")).contains(this.nik);
	}

	@Test
	void theListFiltersByStatusCategoryDinasAndOverdue() throws Exception {
		assertThat(page("/kasus?q=" + this.ticket + "&category=KESEHATAN&dinas=DINKES&status=TERBUKA", "sekretariat"))
			.contains(link());
		assertThat(page("/kasus?q=" + this.ticket + "&category=PENDIDIKAN", "sekretariat")).doesNotContain(link());
		assertThat(page("/kasus?q=" + this.ticket + "&status=DITUTUP", "sekretariat")).doesNotContain(link());
		assertThat(page("/kasus?q=" + this.ticket + "&overdue=true", "sekretariat")).doesNotContain(link());
	}

	private String link() {
		return "href=\"/kasus/" + this.ticket + "\"";
	}

	private String page(String path, String username) throws Exception {
		Cookie session = Logins.login(this.mvc, username);
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
