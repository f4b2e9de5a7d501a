package id.ugdkemiskinan.cases;

import java.util.Map;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case page as people use it: phone links, photo thumbnails, names in the timeline,
 * printing.
 */
@IntegrationTest
class CasePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void phonesTheViewerMaySeeCanBeCalledOrWrittenOnWhatsApp() throws Exception {
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		String ticket = file(upt, CaseData.form(CaseData.nik(), Map.of("reporterName", "Pak Kades Rahasia",
				"reporterPhone", "0813-2222-3333", "reporterConfidential", "true"), "KESEHATAN"));

		// The secretariat sees a confidential reporter, and can call them.
		String forSecretariat = page(Logins.login(this.mvc, "sekretariat"), "/kasus/" + ticket);
		assertThat(forSecretariat).contains("href=\"tel:+6281234567890\"", "href=\"https://wa.me/6281234567890\"",
				"href=\"tel:+6281322223333\"", "href=\"https://wa.me/6281322223333\"", "rel=\"noopener noreferrer\"");

		// Everyone else sees the resident's phone only: no way to the confidential
		// reporter.
		assertThat(page(upt, "/kasus/" + ticket)).contains("href=\"tel:+6281234567890\"")
			.doesNotContain("6281322223333");
		assertThat(page(Logins.login(this.mvc, "dinkes"), "/kasus/" + ticket)).contains("href=\"tel:+6281234567890\"")
			.doesNotContain("6281322223333");

		// A reporter who is not confidential can be called by the operator too.
		String open = file(upt, CaseData.form(CaseData.nik(),
				Map.of("reporterName", "Pak RT Terbuka", "reporterPhone", "0813-4444-5555"), "KESEHATAN"));
		assertThat(page(upt, "/kasus/" + open)).contains("href=\"tel:+6281344445555\"",
				"href=\"https://wa.me/6281344445555\"");
	}

	@Test
	void photosAreShownAsSmallLazyThumbnailsFromTheScopedDownload() throws Exception {
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();
		String ticket = file(upt,
				CaseData.form(CaseData.nik(), "RUMAH_TIDAK_LAYAK_HUNI")
					.file(CaseData.file("rumah.png", "image/png", CaseData.PNG))
					.file(CaseData.file("surat.pdf", "application/pdf", pdf)));
		long photo = this.jdbc.sql("""
				SELECT a.id FROM attachment a JOIN case_file c ON c.id = a.case_id
				WHERE c.ticket = :t AND a.content_type = 'image/png'""").param("t", ticket).query(Long.class).single();

		String casePage = page(upt, "/kasus/" + ticket);
		assertThat(casePage).contains(
				"<img class=\"attachment-thumb\" src=\"/kasus/" + ticket + "/lampiran/" + photo + "\" loading=\"lazy\"",
				"alt=\"Foto rumah.png\"");
		assertThat(casePage.split("<img class=\"attachment-thumb\"", -1)).as("one thumbnail: the PDF has none")
			.hasSize(2);
	}

	@Test
	void theTimelineNamesTheInterventionNotItsCode() throws Exception {
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		Cookie dinkes = Logins.login(this.mvc, "dinkes");
		String ticket = file(upt, CaseData.form(CaseData.nik(), "KESEHATAN"));
		long task = this.jdbc
			.sql("""
					SELECT a.id FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t AND a.dinas_code = 'DINKES'""")
			.param("t", ticket)
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/penugasan/{id}/selesai", task).param("intervention", "PBI_JKN")
				.param("note", "Warga sudah terdaftar PBI-JKN dan berobat ke puskesmas.")
				.cookie(dinkes)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(page(upt, "/kasus/" + ticket))
			.contains("Kepesertaan PBI-JKN (BPJS Kesehatan): Warga sudah terdaftar PBI-JKN dan berobat ke puskesmas.")
			.doesNotContain("PBI_JKN:");
	}

	@Test
	void aPrintedCasePageIsTheCaseWithTheNikMasked() throws Exception {
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		String nik = CaseData.nik();
		String casePage = page(upt, "/kasus/" + file(upt, CaseData.form(nik, "KESEHATAN")));

		assertThat(casePage).contains("<span class=\"nik-full\">" + nik + "</span>",
				"<span class=\"nik-print\">" + nik.substring(0, 4) + "********" + nik.substring(12) + "</span>");
		String css = this.mvc.perform(get("/static/css/app.css")).andReturn().getResponse().getContentAsString();
		String print = css.substring(css.indexOf("@media print"));
		assertThat(print).contains("header, footer", ".nik-full { display: none; }", ".nik-print { display: inline; }");
	}

	private String file(Cookie upt,
			org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder form) throws Exception {
		MvcResult result = this.mvc.perform(form.param("confirmDuplicate", "true").cookie(upt).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/kasus/UGD-");
		return result.getResponse().getRedirectedUrl().substring("/kasus/".length());
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
