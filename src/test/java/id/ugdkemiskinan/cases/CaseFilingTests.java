package id.ugdkemiskinan.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Filing in the browser: routing, validation, duplicates, double submits and attachments.
 */
@IntegrationTest
class CaseFilingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Cookie muncar;

	@BeforeEach
	void logIn() throws Exception {
		this.muncar = Logins.login(this.mvc, "upt.muncar");
	}

	@Test
	void aDaruratHealthAndSchoolCaseGoesToDinkesAndDindikWithTwoHourDueTimes() throws Exception {
		String nik = CaseData.nik();
		String ticket = file(CaseData.form(nik, "KESEHATAN", "PENDIDIKAN").param("vulnerabilities", "SAKIT_MENAHUN"));

		assertThat(ticket).matches("UGD-\\d{2}-\\d{6}");
		assertThat(this.jdbc
			.sql("""
					SELECT c.status || ':' || c.priority || ':' || c.kecamatan_code || ':' || c.beneficiary_phone || ':' || c.rt
					FROM case_file c WHERE c.ticket = :t""")
			.param("t", ticket)
			.query(String.class)
			.single()).isEqualTo("TERBUKA:DARURAT:35.10.05:+6281234567890:002");
		assertThat(dinasOf(ticket)).containsExactly("DINDIK", "DINKES");
		assertThat(this.jdbc
			.sql("""
					SELECT DISTINCT extract(epoch FROM a.due_at - c.filed_at) FROM assignment a JOIN case_file c ON c.id = a.case_id
					WHERE c.ticket = :t AND a.status = 'MENUNGGU_RESPON' AND a.assigned_at = c.filed_at""")
			.param("t", ticket)
			.query(Double.class)
			.list()).containsExactly(2 * 3600.0);
		assertThat(this.jdbc.sql("""
				SELECT e.type || coalesce(':' || e.dinas_code, '') || ':' || e.actor_role FROM case_event e
				JOIN case_file c ON c.id = e.case_id WHERE c.ticket = :t ORDER BY e.id""")
			.param("t", ticket)
			.query(String.class)
			.list()).containsExactly("FILED:OPERATOR_UPT", "ROUTED:DINDIK:OPERATOR_UPT", "ROUTED:DINKES:OPERATOR_UPT");

		this.mvc.perform(get("/kasus/{t}", ticket).cookie(this.muncar))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ticket)))
			.andExpect(content().string(containsString("Dinas Kesehatan")))
			.andExpect(content().string(containsString("Dinas Pendidikan")))
			.andExpect(content().string(containsString("sisa 2 j 00 m")))
			.andExpect(content().string(containsString(nik)))
			.andExpect(content().string(containsString("DARURAT")))
			.andExpect(content().string(containsString(">Pendidikan</span>")));
	}

	@Test
	void eachCategoryRoutesToItsDinasAndTwoCategoriesOfOneDinasMakeOneAssignment() throws Exception {
		assertThat(dinasOf(file(CaseData.form(CaseData.nik(), "BANTUAN_SOSIAL")))).containsExactly("DINSOS");
		assertThat(dinasOf(file(CaseData.form(CaseData.nik(), "RUMAH_TIDAK_LAYAK_HUNI", "EKONOMI_PEKERJAAN"))))
			.containsExactly("BPMD");
		assertThat(dinasOf(file(CaseData.form(CaseData.nik(), "LAINNYA")))).containsExactly("KESRA");
	}

	@Test
	void aCaseNoRuleRoutesGoesToTheSecretariatForTriage() throws Exception {
		this.jdbc
			.sql("""
					INSERT INTO category (code, name, description, sort_order) VALUES ('ADMINDUK_TEST', 'Adminduk', 'Tanpa aturan', 99)
					ON CONFLICT DO NOTHING""")
			.update();

		assertThat(dinasOf(file(CaseData.form(CaseData.nik(), "ADMINDUK_TEST")))).containsExactly("KESRA");
	}

	@Test
	void everyFieldIsCheckedAndTheFormKeepsWhatWasTyped() throws Exception {
		long before = caseCount();
		this.mvc
			.perform(CaseData.form("1234",
					Map.of("kk", "12345", "rt", "ab", "latitude", "95", "longitude", "114.3", "reporterPhone", "12345",
							"reporterName", "Pak Kades", "description", "pendek", "channel", "MERPATI",
							"beneficiaryPhone", "0812", "beneficiaryName", "Nama Yang Diketik Panjang"),
					"KESEHATAN")
				.param("vulnerabilities", "BUKAN_FLAG")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "nik", "case.nik.format"))
			.andExpect(model().attributeHasFieldErrorCode("form", "kk", "case.kk.format"))
			.andExpect(model().attributeHasFieldErrorCode("form", "rt", "case.rtrw.format"))
			.andExpect(model().attributeHasFieldErrorCode("form", "latitude", "case.latitude.invalid"))
			.andExpect(model().attributeHasFieldErrorCode("form", "reporterPhone", "case.phone.format"))
			.andExpect(model().attributeHasFieldErrorCode("form", "beneficiaryPhone", "case.phone.format"))
			.andExpect(model().attributeHasFieldErrorCode("form", "description", "case.description.short"))
			.andExpect(model().attributeHasFieldErrorCode("form", "vulnerabilities", "case.vulnerabilities.unknown"))
			.andExpect(model().attributeHasFieldErrorCode("form", "channel", "case.channel.unknown"))
			.andExpect(content().string(containsString("NIK harus 16 digit angka.")))
			.andExpect(content().string(containsString("value=\"Nama Yang Diketik Panjang\"")))
			.andExpect(content().string(containsString("value=\"Pak Kades\"")));
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void requiredFieldsAreNamed() throws Exception {
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/kasus")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "desaCode", "case.desa.required"))
			.andExpect(model().attributeHasFieldErrorCode("form", "address", "case.address.required"))
			.andExpect(model().attributeHasFieldErrorCode("form", "channel", "case.channel.required"))
			.andExpect(model().attributeHasFieldErrorCode("form", "categories", "case.categories.required"))
			.andExpect(model().attributeHasFieldErrorCode("form", "description", "case.description.required"))
			.andExpect(model().attributeHasFieldErrorCode("form", "beneficiaryName", "case.beneficiaryName.required"))
			.andExpect(model().attributeHasFieldErrorCode("form", "nik", "case.nik.required"));
	}

	@Test
	void aNikWithAWrongProvinceOrDateIsRefused() throws Exception {
		this.mvc.perform(CaseData.form("9910051203800001", "KESEHATAN").cookie(this.muncar).with(csrf()))
			.andExpect(model().attributeHasFieldErrorCode("form", "nik", "case.nik.province"));
		this.mvc.perform(CaseData.form("3510053213800001", "KESEHATAN").cookie(this.muncar).with(csrf()))
			.andExpect(model().attributeHasFieldErrorCode("form", "nik", "case.nik.date"));
	}

	@Test
	void aResidentWithoutNikIsFiledWithTheReason() throws Exception {
		String ticket = file(CaseData.form("", Map.of("nikUnknown", "true", "nikUnknownReason",
				"Belum pernah merekam KTP-el, tinggal di gubuk kebun", "beneficiaryName", "Pak Darmo Tanpa KTP"),
				"BANTUAN_SOSIAL"));

		assertThat(
				this.jdbc.sql("SELECT coalesce(nik, '-') || ':' || nik_unknown_reason FROM case_file WHERE ticket = :t")
					.param("t", ticket)
					.query(String.class)
					.single())
			.isEqualTo("-:Belum pernah merekam KTP-el, tinggal di gubuk kebun");
		this.mvc
			.perform(CaseData.form("", Map.of("nikUnknown", "true"), "BANTUAN_SOSIAL").cookie(this.muncar).with(csrf()))
			.andExpect(
					model().attributeHasFieldErrorCode("form", "nikUnknownReason", "case.nikUnknownReason.required"));
	}

	@Test
	void aDesaOutsideTheOperatorsKecamatanIsRefused() throws Exception {
		long before = caseCount();
		this.mvc
			.perform(CaseData.form(CaseData.nik(), Map.of("desaCode", CaseData.GENTENG_DESA), "KESEHATAN")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "desaCode", "case.desa.outOfScope"));
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void anOpenCaseForTheSameNikIsShownAndFiledOnlyAfterConfirmation() throws Exception {
		String nik = CaseData.nik();
		String first = file(CaseData.form(nik, "KESEHATAN"));
		long before = caseCount();

		this.mvc.perform(CaseData.form(nik, "PENDIDIKAN").cookie(this.muncar).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeExists("duplicates"))
			.andExpect(content().string(containsString(first)))
			.andExpect(content().string(containsString("Tetap ajukan kasus baru")));
		assertThat(caseCount()).isEqualTo(before);

		String second = file(CaseData.form(nik, Map.of("confirmDuplicate", "true"), "PENDIDIKAN"));
		assertThat(second).isNotEqualTo(first);
		assertThat(caseCount()).isEqualTo(before + 1);
	}

	@Test
	void withoutNikTheSameNameInTheSameDesaCountsAsAPossibleDuplicate() throws Exception {
		Map<String, String> noNik = Map.of("nikUnknown", "true", "nikUnknownReason", "Tidak punya KTP",
				"beneficiaryName", "Mbah Karsiyem");
		file(CaseData.form("", noNik, "BANTUAN_SOSIAL"));

		Map<String, String> sameNameOtherCase = new java.util.HashMap<>(noNik);
		sameNameOtherCase.put("beneficiaryName", "mbah karsiyem");
		this.mvc.perform(CaseData.form("", sameNameOtherCase, "KESEHATAN").cookie(this.muncar).with(csrf()))
			.andExpect(model().attributeExists("duplicates"));
		Map<String, String> otherDesa = new java.util.HashMap<>(noNik);
		otherDesa.put("desaCode", CaseData.MUNCAR_DESA_2);
		this.mvc.perform(CaseData.form("", otherDesa, "KESEHATAN").cookie(this.muncar).with(csrf()))
			.andExpect(redirectedUrlPattern("/kasus/UGD-*"));
	}

	@Test
	void aDoubleSubmitOfTheSameFormFilesOneCase() throws Exception {
		String nik = CaseData.nik();
		long before = caseCount();

		String first = file(CaseData.form(nik, Map.of("submissionToken", "token-dobel-klik"), "KESEHATAN"));
		String second = file(CaseData.form(nik, Map.of("submissionToken", "token-dobel-klik"), "KESEHATAN"));

		assertThat(second).isEqualTo(first);
		assertThat(caseCount()).isEqualTo(before + 1);
	}

	@Test
	void concurrentSubmitsOfTheSameFormFileOneCase() throws Exception {
		String nik = CaseData.nik();
		long before = caseCount();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			Callable<String> submit = () -> file(
					CaseData.form(nik, Map.of("submissionToken", "token-serentak"), "KESEHATAN"));
			List<Future<String>> results = pool.invokeAll(List.of(submit, submit, submit, submit));
			assertThat(results.stream().map(f -> {
				try {
					return f.get();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}).distinct().toList()).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(caseCount()).isEqualTo(before + 1);
	}

	@Test
	void aPhotoIsStoredAndDownloadableOnlyWithinScope() throws Exception {
		String ticket = file(CaseData.form(CaseData.nik(), "RUMAH_TIDAK_LAYAK_HUNI")
			.file(CaseData.file("rumah.png", "image/png", CaseData.PNG)));
		long id = this.jdbc
			.sql("SELECT a.id FROM attachment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t")
			.param("t", ticket)
			.query(Long.class)
			.single();

		MvcResult download = this.mvc.perform(get("/kasus/{t}/lampiran/{id}", ticket, id).cookie(this.muncar))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(CaseData.PNG);
		assertThat(download.getResponse().getContentType()).isEqualTo("image/png");

		this.mvc.perform(get("/kasus/{t}/lampiran/{id}", ticket, id).cookie(Logins.login(this.mvc, "upt.genteng")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/kasus/{t}/lampiran/{id}", ticket, id).cookie(Logins.login(this.mvc, "dinkes")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/kasus/{t}/lampiran/{id}", ticket, id).cookie(Logins.login(this.mvc, "bpmd")))
			.andExpect(status().isOk());
	}

	@Test
	void anHtmlPageNamedJpgIsRefused() throws Exception {
		long before = caseCount();
		byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes();
		this.mvc
			.perform(CaseData.form(CaseData.nik(), "KESEHATAN")
				.file(CaseData.file("foto.jpg", "image/jpeg", html))
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "attachments", "case.attachments.type"))
			.andExpect(content().string(containsString("bukan JPEG, PNG atau PDF")));
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void atMostFiveAttachmentsOfAtMostFiveMegabytes() throws Exception {
		MockMultipartHttpServletRequestBuilder six = CaseData.form(CaseData.nik(), "KESEHATAN");
		for (int i = 0; i < 6; i++) {
			six.file(CaseData.file("foto" + i + ".png", "image/png", CaseData.PNG));
		}
		this.mvc.perform(six.cookie(this.muncar).with(csrf()))
			.andExpect(model().attributeHasFieldErrorCode("form", "attachments", "case.attachments.tooMany"));

		byte[] big = new byte[5 * 1024 * 1024 + 1];
		System.arraycopy(CaseData.PNG, 0, big, 0, CaseData.PNG.length);
		this.mvc
			.perform(CaseData.form(CaseData.nik(), "KESEHATAN")
				.file(CaseData.file("besar.png", "image/png", big))
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(model().attributeHasFieldErrorCode("form", "attachments", "case.attachments.tooLarge"));
	}

	@Test
	void theFormOffersOnlyTheDesaOfTheOperatorsKecamatan() throws Exception {
		String page = this.mvc.perform(get("/kasus/baru").cookie(this.muncar))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Muncar", "value=\"" + CaseData.MUNCAR_DESA + "\"")
			.doesNotContain("value=\"" + CaseData.GENTENG_DESA + "\"")
			.contains("name=\"submissionToken\"");
	}

	@Test
	void aReusedFormTokenWithOtherContentIsRefusedAndTheFormKeptWithANewToken() throws Exception {
		String token = "token-" + System.nanoTime();
		String first = file(CaseData.form(CaseData.nik(), Map.of("submissionToken", token), "KESEHATAN"));
		long before = caseCount();

		String page = this.mvc
			.perform(CaseData
				.form(CaseData.nik(), Map.of("submissionToken", token, "beneficiaryName", "Bu Warsini Yang Lain"),
						"PENDIDIKAN")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().is(422))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(caseCount()).isEqualTo(before);
		assertThat(page)
			.contains("Kunci idempoten sudah dipakai untuk kasus lain", first, "value=\"Bu Warsini Yang Lain\"")
			.doesNotContain("value=\"" + token + "\"");
		String newToken = page.replaceAll("(?s).*name=\"submissionToken\" value=\"([^\"]+)\".*", "$1");
		assertThat(newToken).hasSize(36);

		String second = file(CaseData.form(CaseData.nik(),
				Map.of("submissionToken", newToken, "beneficiaryName", "Bu Warsini Yang Lain"), "PENDIDIKAN"));
		assertThat(second).isNotEqualTo(first);
		assertThat(caseCount()).isEqualTo(before + 1);
	}

	@Test
	void aFormTokenLongerThanItsColumnAnswers400WithTheFormKept() throws Exception {
		long before = caseCount();
		this.mvc
			.perform(CaseData
				.form(CaseData.nik(), Map.of("submissionToken", "t".repeat(200), "beneficiaryName", "Pak Darmo Token"),
						"KESEHATAN")
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Formulir ini tidak sah")))
			.andExpect(content().string(containsString("value=\"Pak Darmo Token\"")));
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void anEightMegabytePhotoBringsTheFormBackWithItsFieldsAndAMessage() throws Exception {
		byte[] photo = new byte[8 * 1024 * 1024];
		System.arraycopy(CaseData.PNG, 0, photo, 0, CaseData.PNG.length);
		long before = caseCount();

		this.mvc
			.perform(CaseData.form(CaseData.nik(), Map.of("beneficiaryName", "Mbok Tarmi Foto Besar"), "KESEHATAN")
				.file(CaseData.file("IMG_20261201_101500.jpg", "image/jpeg", photo))
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "attachments", "case.attachments.tooLarge"))
			.andExpect(content().string(containsString("Berkas IMG_20261201_101500.jpg lebih besar dari 5 MB.")))
			.andExpect(content().string(containsString("value=\"Mbok Tarmi Foto Besar\"")))
			.andExpect(content().string(containsString("Dusun Krajan, Jl. Pelabuhan 12")));
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void aZeroByteFileGetsItsMessageAndAnEmptyFileInputIsNoFile() throws Exception {
		long before = caseCount();
		this.mvc
			.perform(CaseData.form(CaseData.nik(), "KESEHATAN")
				.file(CaseData.file("kosong.jpg", "image/jpeg", new byte[0]))
				.cookie(this.muncar)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "attachments", "case.attachments.empty"))
			.andExpect(content().string(containsString("Berkas kosong.jpg kosong.")));
		assertThat(caseCount()).isEqualTo(before);

		// What a browser sends for a file input left alone: an unnamed empty part.
		String ticket = file(CaseData.form(CaseData.nik(), "KESEHATAN")
			.file(CaseData.file("", "application/octet-stream", new byte[0])));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM attachment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t")
			.param("t", ticket)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDownloadIsNamedForItsContentAndOnlyPhotosAreShownInline() throws Exception {
		byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();
		String ticket = file(CaseData.form(CaseData.nik(), "KESEHATAN")
			.file(CaseData.file("foto.html", "text/html", CaseData.PNG))
			.file(CaseData.file("surat", "application/pdf", pdf)));
		List<Long> ids = this.jdbc.sql("""
				SELECT a.id FROM attachment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t ORDER BY a.id""")
			.param("t", ticket)
			.query(Long.class)
			.list();
		assertThat(this.jdbc.sql("SELECT filename FROM attachment WHERE id IN (:ids) ORDER BY id")
			.param("ids", ids)
			.query(String.class)
			.list()).containsExactly("foto.png", "surat.pdf");
		// An attachment stored before names followed the content keeps its old name in
		// the table.
		this.jdbc.sql("UPDATE attachment SET filename = 'lama.html' WHERE id = :id").param("id", ids.get(0)).update();

		MvcResult png = this.mvc.perform(get("/kasus/{t}/lampiran/{id}", ticket, ids.get(0)).cookie(this.muncar))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(png.getResponse().getContentType()).isEqualTo("image/png");
		assertThat(png.getResponse().getHeader("Content-Disposition")).isEqualTo("inline; filename=\"lama.png\"");
		assertThat(png.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

		MvcResult letter = this.mvc.perform(get("/kasus/{t}/lampiran/{id}", ticket, ids.get(1)).cookie(this.muncar))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(letter.getResponse().getContentType()).isEqualTo("application/pdf");
		assertThat(letter.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"surat.pdf\"");
		assertThat(letter.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

		assertThat(this.mvc.perform(get("/kasus/{t}", ticket).cookie(this.muncar))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("surat.pdf");
	}

	@Test
	void theFormNamesThisUsersDraftAndTheCasePageAfterFilingClearsIt() throws Exception {
		String muncarForm = this.mvc.perform(get("/kasus/baru").cookie(this.muncar))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String gentengForm = this.mvc.perform(get("/kasus/baru").cookie(Logins.login(this.mvc, "upt.genteng")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String muncarKey = draftKey(muncarForm);
		assertThat(muncarKey).startsWith("ugd-draft-filing-").doesNotContain("muncar");
		assertThat(draftKey(gentengForm)).isNotEqualTo(muncarKey);
		assertThat(muncarForm).contains("data-draft-restore=\"true\"", "/static/js/filing");

		MvcResult filed = this.mvc.perform(CaseData.form(CaseData.nik(), "KESEHATAN").cookie(this.muncar).with(csrf()))
			.andReturn();
		String casePage = this.mvc
			.perform(get(filed.getResponse().getRedirectedUrl()).cookie(this.muncar).flashAttrs(filed.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(casePage).contains("data-draft-filed=\"" + muncarKey + "\"");
		// Also when a resubmit (its answer was lost) leads to the case filed before.
		String nik = CaseData.nik();
		String token = "draft-" + System.nanoTime();
		this.mvc.perform(
				CaseData.form(nik, Map.of("submissionToken", token), "KESEHATAN").cookie(this.muncar).with(csrf()));
		MvcResult resubmit = this.mvc
			.perform(CaseData.form(nik, Map.of("submissionToken", token), "KESEHATAN").cookie(this.muncar).with(csrf()))
			.andExpect(redirectedUrlPattern("/kasus/UGD-*"))
			.andReturn();
		assertThat(resubmit.getFlashMap().get("flashSuccess")).isNull();
		assertThat(resubmit.getFlashMap().get("draftFiled")).isEqualTo(muncarKey);
		// Only right after the filing.
		assertThat(this.mvc.perform(get(filed.getResponse().getRedirectedUrl()).cookie(this.muncar))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("data-draft-filed");
	}

	private static String draftKey(String page) {
		return page.replaceAll("(?s).*data-draft-key=\"([^\"]+)\".*", "$1");
	}

	private String file(MockMultipartHttpServletRequestBuilder form) throws Exception {
		MvcResult result = this.mvc.perform(form.cookie(this.muncar).with(csrf())).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location)
			.as("filing redirects to the case; errors: %s",
					result.getModelAndView() == null ? null : result.getModelAndView().getModel())
			.startsWith("/kasus/UGD-");
		return location.substring("/kasus/".length());
	}

	private List<String> dinasOf(String ticket) {
		return this.jdbc.sql("""
				SELECT a.dinas_code FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE c.ticket = :t ORDER BY a.dinas_code""").param("t", ticket).query(String.class).list();
	}

	private long caseCount() {
		return this.jdbc.sql("SELECT count(*) FROM case_file").query(Long.class).single();
	}

}
