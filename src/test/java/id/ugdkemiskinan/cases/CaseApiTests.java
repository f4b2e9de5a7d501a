package id.ugdkemiskinan.cases;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The case API for channel integrations: same rules, same scopes, JSON and problem
 * details.
 */
@IntegrationTest
class CaseApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void filingAnswers201WithLocationAndTheCase() throws Exception {
		String nik = CaseData.nik();
		this.mvc.perform(fileAs("upt.muncar", CaseData.json(nik, "RUMAH_TIDAK_LAYAK_HUNI", "BANTUAN_SOSIAL")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", matchesPattern("/api/v1/cases/UGD-\\d{2}-\\d{6}")))
			.andExpect(jsonPath("$.ticket").value(matchesPattern("UGD-\\d{2}-\\d{6}")))
			.andExpect(jsonPath("$.accessCode").value(matchesPattern("[A-Z2-9]{10}")))
			.andExpect(jsonPath("$.status").value("TERBUKA"))
			.andExpect(jsonPath("$.priority").value("DARURAT"))
			.andExpect(jsonPath("$.kecamatanCode").value("35.10.05"))
			.andExpect(jsonPath("$.desaCode").value(CaseData.MUNCAR_DESA))
			.andExpect(jsonPath("$.channel").value("WHATSAPP"))
			.andExpect(jsonPath("$.categories", containsInAnyOrder("RUMAH_TIDAK_LAYAK_HUNI", "BANTUAN_SOSIAL")))
			.andExpect(jsonPath("$.filedAt").value(endsWith("+07:00")))
			.andExpect(jsonPath("$.assignments[*].dinasCode", containsInAnyOrder("BPMD", "DINSOS")))
			.andExpect(jsonPath("$.assignments[0].status").value("MENUNGGU_RESPON"))
			.andExpect(jsonPath("$.assignments[0].slaState").value("ON_TRACK"))
			.andExpect(jsonPath("$.assignments[0].dueAt").value(endsWith("+07:00")))
			.andExpect(jsonPath("$.possibleDuplicates").isEmpty());
		assertThat(this.jdbc.sql("SELECT beneficiary_phone || ':' || reporter_phone FROM case_file WHERE nik = :n")
			.param("n", nik)
			.query(String.class)
			.single()).isEqualTo("+6281311112222:+6281233334444");
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyReturnsTheSameCase() throws Exception {
		String body = CaseData.json(CaseData.nik(), "KESEHATAN");
		long before = caseCount();

		String first = ticket(this.mvc.perform(fileAs("upt.muncar", body).header("Idempotency-Key", "wa-msg-778899"))
			.andExpect(status().isCreated())
			.andReturn());
		String second = ticket(this.mvc.perform(fileAs("upt.muncar", body).header("Idempotency-Key", "wa-msg-778899"))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(second).isEqualTo(first);
		assertThat(caseCount()).isEqualTo(before + 1);
	}

	@Test
	void possibleDuplicatesAreListedInTheResponse() throws Exception {
		String nik = CaseData.nik();
		String first = ticket(this.mvc.perform(fileAs("upt.muncar", CaseData.json(nik, "KESEHATAN"))).andReturn());

		this.mvc.perform(fileAs("upt.muncar", CaseData.json(nik, "PENDIDIKAN")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.possibleDuplicates", hasItem(first)));
	}

	@Test
	void badInputAnswers400WithTheFieldErrors() throws Exception {
		String body = CaseData.json("1234", "KESEHATAN").replace("\"channel\":\"WHATSAPP\"", "\"channel\":\"MERPATI\"");
		long before = caseCount();

		this.mvc.perform(fileAs("upt.muncar", body))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[?(@.field == 'beneficiary.nik')].message")
				.value(hasItem("NIK harus 16 digit angka.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'channel')].message")
				.value(hasItem("Saluran pengaduan tidak dikenal.")));
		this.mvc.perform(fileAs("upt.muncar", "{\"desaCode\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400));
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void filingOutsideTheOperatorsKecamatanIs403AndOnlyOperatorsAndTheSecretariatFile() throws Exception {
		String body = CaseData.json(CaseData.nik(), "KESEHATAN");
		long before = caseCount();

		this.mvc.perform(fileAs("upt.genteng", body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		this.mvc.perform(fileAs("dinkes", body)).andExpect(status().isForbidden());
		this.mvc.perform(fileAs("pimpinan", body)).andExpect(status().isForbidden());
		assertThat(caseCount()).isEqualTo(before);

		this.mvc.perform(fileAs("sekretariat", body)).andExpect(status().isCreated());
	}

	@Test
	void aCaseOutsideTheCallersScopeIs404LikeOneThatDoesNotExist() throws Exception {
		String ticket = ticket(
				this.mvc.perform(fileAs("upt.muncar", CaseData.json(CaseData.nik(), "KESEHATAN"))).andReturn());

		this.mvc.perform(getAs("upt.genteng", "/api/v1/cases/" + ticket))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(getAs("upt.genteng", "/api/v1/cases/UGD-99-999999")).andExpect(status().isNotFound());
		this.mvc.perform(getAs("dinsos", "/api/v1/cases/" + ticket)).andExpect(status().isNotFound());

		this.mvc.perform(getAs("dinkes", "/api/v1/cases/" + ticket)).andExpect(status().isOk());
		this.mvc.perform(getAs("upt.muncar", "/api/v1/cases/" + ticket))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.beneficiary.name").value("Mbah Sarni"))
			.andExpect(jsonPath("$.reporterHidden").value(true))
			.andExpect(jsonPath("$.reporter").doesNotExist())
			.andExpect(jsonPath("$.timeline[0].type").value("FILED"))
			.andExpect(jsonPath("$.timeline[1].type").value("ROUTED"));
		this.mvc.perform(getAs("sekretariat", "/api/v1/cases/" + ticket))
			.andExpect(jsonPath("$.reporter.name").value("Pak RT"))
			.andExpect(jsonPath("$.reporter.confidential").value(true));
	}

	@Test
	void theListIsScopedAndMasksTheNik() throws Exception {
		String nik = CaseData.nik();
		String ticket = ticket(this.mvc.perform(fileAs("upt.muncar", CaseData.json(nik, "PENDIDIKAN"))).andReturn());

		this.mvc.perform(getAs("upt.muncar", "/api/v1/cases?q=" + nik))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].ticket").value(ticket))
			.andExpect(jsonPath("$.items[0].nik").value(nik.substring(0, 4) + "********" + nik.substring(12)));
		this.mvc.perform(getAs("upt.genteng", "/api/v1/cases?q=" + nik)).andExpect(jsonPath("$.items").isEmpty());
		this.mvc.perform(getAs("sekretariat", "/api/v1/cases?dinas=DINDIK&q=" + ticket))
			.andExpect(jsonPath("$.items[0].ticket").value(ticket));
		this.mvc.perform(getAs("sekretariat", "/api/v1/cases?dinas=DINKES&q=" + ticket))
			.andExpect(jsonPath("$.items").isEmpty());
		this.mvc.perform(getAs("dindik", "/api/v1/cases?q=" + ticket))
			.andExpect(jsonPath("$.items[0].ticket").value(ticket));
		this.mvc.perform(getAs("dinkes", "/api/v1/cases?q=" + ticket)).andExpect(jsonPath("$.items").isEmpty());
	}

	@Test
	void aReusedIdempotencyKeyWithOtherContentIs422AndFilesNothing() throws Exception {
		String key = "wa-msg-" + System.nanoTime();
		String first = ticket(this.mvc
			.perform(fileAs("upt.muncar", CaseData.json(CaseData.nik(), "KESEHATAN")).header("Idempotency-Key", key))
			.andExpect(status().isCreated())
			.andReturn());
		long before = caseCount();

		this.mvc
			.perform(fileAs("upt.muncar", CaseData.json(CaseData.nik(), "PENDIDIKAN")).header("Idempotency-Key", key))
			.andExpect(status().is(422))
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.detail").value("Kunci idempoten sudah dipakai untuk kasus lain."))
			.andExpect(jsonPath("$.ticket").value(first));
		assertThat(caseCount()).isEqualTo(before);

		// The same key for another user is that user's own key.
		this.mvc
			.perform(fileAs("sekretariat", CaseData.json(CaseData.nik(), "PENDIDIKAN")).header("Idempotency-Key", key))
			.andExpect(status().isCreated());
	}

	@Test
	void anIdempotencyKeyLongerThanItsColumnIs400WithAMessage() throws Exception {
		long before = caseCount();
		this.mvc
			.perform(fileAs("upt.muncar", CaseData.json(CaseData.nik(), "KESEHATAN")).header("Idempotency-Key",
					"k".repeat(97)))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
			.andExpect(jsonPath("$.detail").value("Idempotency-Key paling panjang 96 karakter."))
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
		assertThat(caseCount()).isEqualTo(before);

		this.mvc.perform(fileAs("upt.muncar", CaseData.json(CaseData.nik(), "KESEHATAN")).header("Idempotency-Key",
				"k".repeat(96)))
			.andExpect(status().isCreated());
	}

	@Test
	void aNikTogetherWithANoNikReasonIsRefusedAsByTheForm() throws Exception {
		String body = CaseData.json(CaseData.nik(), "KESEHATAN")
			.replace("\"name\":\"Mbah Sarni\",", "\"name\":\"Mbah Sarni\",\"nikUnknownReason\":\"KTP hilang\",");
		assertThat(body).contains("nikUnknownReason");
		long before = caseCount();

		this.mvc.perform(fileAs("upt.muncar", body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("beneficiary.nik")));
		assertThat(caseCount()).isEqualTo(before);
	}

	private MockHttpServletRequestBuilder fileAs(String username, String body) {
		return post("/api/v1/cases").with(httpBasic(username, Logins.DEMO_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private MockHttpServletRequestBuilder getAs(String username, String path) {
		return get(path).with(httpBasic(username, Logins.DEMO_PASSWORD));
	}

	private static String ticket(MvcResult result) throws Exception {
		String location = result.getResponse().getHeader("Location");
		assertThat(location).as(result.getResponse().getContentAsString()).startsWith("/api/v1/cases/");
		return location.substring("/api/v1/cases/".length());
	}

	private long caseCount() {
		return this.jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
	}

}
