package id.ugdkemiskinan.cases;

import id.ugdkemiskinan.cases.query.CaseQueries;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A filing looks up what its submission key filed earlier once, on the form and on the
 * API, filed now or earlier.
 */
@IntegrationTest
class SubmissionLookupTests {

	@Autowired
	MockMvc mvc;

	@MockitoSpyBean
	CaseQueries queries;

	Cookie muncar;

	@BeforeEach
	void login() throws Exception {
		this.muncar = Logins.login(this.mvc, "upt.muncar");
	}

	@Test
	void theFormLooksTheSubmissionUpOnceWhenItFilesAndOnceWhenItLeadsToTheEarlierCase() throws Exception {
		String nik = CaseData.nik();
		String token = "lookup-" + System.nanoTime();
		clearInvocations(this.queries);
		this.mvc
			.perform(CaseData.form(nik, "KESEHATAN").param("submissionToken", token).cookie(this.muncar).with(csrf()))
			.andExpect(status().is3xxRedirection());
		verify(this.queries, times(1)).submission(anyLong(), anyString());

		clearInvocations(this.queries);
		this.mvc
			.perform(CaseData.form(nik, "KESEHATAN").param("submissionToken", token).cookie(this.muncar).with(csrf()))
			.andExpect(status().is3xxRedirection());
		verify(this.queries, times(1)).submission(anyLong(), anyString());
	}

	@Test
	void theApiLooksTheIdempotencyKeyUpOnce() throws Exception {
		String body = CaseData.json(CaseData.nik(), "KESEHATAN");
		String key = "lookup-" + System.nanoTime();
		clearInvocations(this.queries);
		this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.header("Idempotency-Key", key))
			.andExpect(status().isCreated());
		verify(this.queries, times(1)).submission(anyLong(), anyString());

		clearInvocations(this.queries);
		this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.header("Idempotency-Key", key))
			.andExpect(status().isOk());
		verify(this.queries, times(1)).submission(anyLong(), anyString());
	}

}
