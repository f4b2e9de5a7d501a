package id.ugdkemiskinan.support;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Realistic case input for tests, with a fresh valid NIK each time so that tests do not
 * see each other's cases as duplicates.
 */
public final class CaseData {

	public static final String MUNCAR_DESA = "35.10.05.2002";

	public static final String MUNCAR_DESA_2 = "35.10.05.2003";

	public static final String GENTENG_DESA = "35.10.09.2002";

	/** A real 1×1 PNG. */
	public static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

	private static final AtomicInteger SERIAL = new AtomicInteger(1);

	private CaseData() {
	}

	/**
	 * A valid NIK (Banyuwangi, Muncar, a woman born 12 March 1980) never handed out
	 * before in this run.
	 */
	public static String nik() {
		return String.format("351005520380%04d", SERIAL.getAndIncrement());
	}

	/** The filing form, filled in for a Muncar resident with the given categories. */
	public static MockMultipartHttpServletRequestBuilder form(String nik, String... categories) {
		return form(nik, Map.of(), categories);
	}

	/**
	 * The filing form with some fields replaced (an empty value leaves the field out).
	 */
	public static MockMultipartHttpServletRequestBuilder form(String nik, Map<String, String> replaced,
			String... categories) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("desaCode", MUNCAR_DESA);
		fields.put("address", "Dusun Krajan, Jl. Pelabuhan 12");
		fields.put("rt", "2");
		fields.put("rw", "5");
		fields.put("channel", "LANGSUNG");
		fields.put("description", "Anak putus sekolah, ibu sakit menahun dan tidak punya BPJS.");
		fields.put("beneficiaryName", "Siti Aminah " + (nik.length() == 16 ? "No. " + nik.substring(12) : nik));
		fields.put("nik", nik);
		fields.put("beneficiaryPhone", "0812-3456-7890");
		fields.putAll(replaced);
		MockMultipartHttpServletRequestBuilder form = multipart("/kasus");
		fields.forEach((name, value) -> {
			if (!value.isEmpty()) {
				form.param(name, value);
			}
		});
		for (String category : categories) {
			form.param("categories", category);
		}
		return form;
	}

	public static MockMultipartFile file(String name, String contentType, byte[] content) {
		return new MockMultipartFile("attachments", name, contentType, content);
	}

	/** The API's filing body for a Muncar resident. */
	public static String json(String nik, String... categories) {
		return """
				{"desaCode":"%s","address":"Dusun Krajan 3","rt":"1","rw":"2","channel":"WHATSAPP",
				 "categories":[%s],"description":"Lansia hidup sendiri, atap rumah bocor dan roboh sebagian.",
				 "beneficiary":{"name":"Mbah Sarni","nik":"%s","phone":"+62 813 1111 2222"},
				 "reporter":{"name":"Pak RT","phone":"081233334444","relation":"Ketua RT","confidential":true},
				 "vulnerabilities":["LANSIA","HIDUP_SENDIRI"]}""".formatted(MUNCAR_DESA,
				String.join(",", java.util.Arrays.stream(categories).map(c -> "\"" + c + "\"").toList()), nik);
	}

}
