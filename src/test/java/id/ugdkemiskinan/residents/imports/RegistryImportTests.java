package id.ugdkemiskinan.residents.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports of programme and desil lists on real PostgreSQL: broken rows into the error
 * report, the rest in; a re-import adds nothing; an undo takes the rows back; a desil
 * list sets the household's current desil (the newest wins); the mapping is saved and
 * pre-filled; bad values and access rules.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_imports")
class RegistryImportTests {

	static final String KK1 = "3510050101090001";

	static final String KK2 = "3510050101090002";

	static final String KK3 = "3510050101090003";

	static final String NIK1 = "3510054507800001";

	static final String PKH_CSV = """
			NIK_KPM,NO_KK,NAMA,DESA,ALAMAT,TGL
			3510054507800001,3510050101090001,Siti Aminah,35.10.05.2001,Dusun Krajan RT 1,2025-03-01
			3510051203750002,3510050101090002,Budi Santoso,Kedungrejo,Dusun Sumber RT 2,01/03/2025
			,3510050101090003,Keluarga Sutrisno,35.10.05.2003,Dusun Tegal RT 3,15-03-2025
			12345,3510050101090004,Nik Pendek,35.10.05.2001,Dusun Krajan,2025-03-01
			3510051203750005,3510050101090005,Desa Asing,35.10.05.9999,Dusun Entah,2025-03-01
			3510051203750006,3510050101090006,Tanggal Rusak,35.10.05.2001,Dusun Krajan,2025-13-40
			3510051203750007,3510050101090007,,35.10.05.2001,Dusun Krajan,2025-03-01
			3510051203750008,3510050101090008,Nama Desa Ganda,Karangrejo,Dusun Ganda,2025-03-01
			""";

	static final Map<String, String> PKH_MAPPING = Map.of("kolom_nik", "NIK_KPM", "kolom_kk", "NO_KK", "kolom_name",
			"NAMA", "kolom_desa", "DESA", "kolom_address", "ALAMAT", "kolom_received_on", "TGL");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aProgrammeListWithBrokenRowsPutsTheGoodOnesInAndReportsTheRest() throws Exception {
		Cookie session = Logins.login(this.mvc, "sekretariat");
		long id = importFile(session, "PKH", "pkh-maret.csv", PKH_CSV.getBytes(StandardCharsets.UTF_8), PKH_MAPPING);
		Map<String, Object> row = importRow(id);
		assertThat(row).containsEntry("status", "SELESAI")
			.containsEntry("rows_read", 8)
			.containsEntry("rows_added", 3)
			.containsEntry("rows_unchanged", 0)
			.containsEntry("rows_failed", 5);
		assertThat(count("SELECT count(*) FROM intervention_received WHERE import_id = ?", id)).isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT last_helped_on FROM household WHERE kk = ?")
			.param(KK1)
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(this.jdbc.sql("SELECT sex || ' ' || birth_date FROM person WHERE nik = ?")
			.param(NIK1)
			.query(String.class)
			.single()).isEqualTo("P 1980-07-05");
		// The household-level row: no person.
		assertThat(count("""
				SELECT count(*) FROM intervention_received r JOIN household h ON h.id = r.household_id
				WHERE h.kk = ? AND r.person_id IS NULL AND r.intervention_code = 'PKH'
				AND r.received_on = DATE '2025-03-15'""", KK3)).isEqualTo(1);
		// By the desa's name: Kedungrejo is 35.10.05.2002.
		assertThat(
				this.jdbc.sql("SELECT desa_code FROM household WHERE kk = ?").param(KK2).query(String.class).single())
			.isEqualTo("35.10.05.2002");

		String report = this.mvc.perform(get("/registri/impor/" + id + "/galat.csv").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(report).startsWith("\uFEFFBaris,Kolom,Nilai,Pesan");
		List<String> lines = report.lines().toList();
		assertThat(lines).hasSize(6)
			.contains("5,nik,12345,NIK harus 16 angka.", "6,desa,35.10.05.9999,Desa tidak dikenal di kabupaten ini.",
					"7,received_on,2025-13-40,\"Tanggal tidak valid (tttt-bb-hh, hh/bb/tttt atau hh-bb-tttt).\"",
					"8,name,,Nama kosong.",
					"9,desa,Karangrejo,Nama desa ini ada lebih dari satu di kabupaten: pakai kode desa.");
		String page = this.mvc.perform(get("/registri/impor/" + id).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("<progress", "NIK harus 16 angka.", "galat.csv");
		assertThat(count("SELECT count(*) FROM change_audit WHERE entity_type = 'REGISTRY_IMPORT' AND entity_key = ?",
				Long.toString(id)))
			.isEqualTo(1);
	}

	@Test
	void theSameFileTwiceAddsNothingAndThePageSaysSo() throws Exception {
		Cookie session = Logins.login(this.mvc, "sekretariat");
		String csv = PKH_CSV.replace("3510050101090001", "3510050101090011")
			.replace("3510054507800001", "3510054507800011")
			.replace("3510050101090002", "3510050101090012")
			.replace("3510051203750002", "3510051203750012")
			.replace("3510050101090003", "3510050101090013");
		long first = importFile(session, "PKH", "pkh.csv", csv.getBytes(StandardCharsets.UTF_8), PKH_MAPPING);
		long interventions = count("SELECT count(*) FROM intervention_received");
		long persons = count("SELECT count(*) FROM person");
		long households = count("SELECT count(*) FROM household");
		long second = importFile(session, "PKH", "pkh-lagi.csv", csv.getBytes(StandardCharsets.UTF_8), PKH_MAPPING);
		assertThat(importRow(first)).containsEntry("rows_added", 3);
		assertThat(importRow(second)).containsEntry("status", "SELESAI")
			.containsEntry("rows_added", 0)
			.containsEntry("rows_unchanged", 3)
			.containsEntry("rows_failed", 5);
		assertThat(count("SELECT count(*) FROM intervention_received")).isEqualTo(interventions);
		assertThat(count("SELECT count(*) FROM person")).isEqualTo(persons);
		assertThat(count("SELECT count(*) FROM household")).isEqualTo(households);
		String page = this.mvc.perform(get("/registri/impor/" + second).cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Berkas ini sudah pernah diimpor pada");
	}

	@Test
	void anUndoTakesTheRowsBackAndTheLastHelpedDateWithThem() throws Exception {
		Cookie session = Logins.login(this.mvc, "sekretariat");
		String kk = "3510050101090021";
		String earlier = "NIK,KK,NAMA,DESA,ALAMAT,TANGGAL\n3510054507800021," + kk
				+ ",Sri Wahyuni,35.10.05.2001,Dusun Krajan RT 4,2024-01-10\n";
		long bpnt = importFile(session, "BPNT", "bpnt.csv", earlier.getBytes(StandardCharsets.UTF_8),
				Map.of("kolom_nik", "NIK", "kolom_kk", "KK", "kolom_name", "NAMA", "kolom_desa", "DESA",
						"kolom_address", "ALAMAT", "kolom_received_on", "TANGGAL"));
		String later = "NIK,KK,NAMA,DESA,ALAMAT,TANGGAL\n3510054507800021," + kk
				+ ",Sri Wahyuni,35.10.05.2001,Dusun Krajan RT 4,2025-02-01\n"
				+ "3510051203750022,3510050101090022,Orang Baru,35.10.05.2001,Dusun Baru,2025-02-01\n";
		long pkh = importFile(session, "PKH", "pkh-feb.csv", later.getBytes(StandardCharsets.UTF_8),
				Map.of("kolom_nik", "NIK", "kolom_kk", "KK", "kolom_name", "NAMA", "kolom_desa", "DESA",
						"kolom_address", "ALAMAT", "kolom_received_on", "TANGGAL"));
		assertThat(lastHelped(kk)).isEqualTo(LocalDate.of(2025, 2, 1));

		this.mvc
			.perform(post("/registri/impor/" + pkh + "/batal").param("confirm", "true").cookie(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(count("SELECT count(*) FROM intervention_received WHERE import_id = ?", pkh)).isZero();
		assertThat(lastHelped(kk)).isEqualTo(LocalDate.of(2024, 1, 10));
		assertThat(importRow(pkh)).containsEntry("status", "DIBATALKAN");
		assertThat(importRow(pkh).get("undone_by")).isNotNull();
		// What only the undone import brought in is gone; what another import uses stays.
		assertThat(count("SELECT count(*) FROM person WHERE nik = '3510051203750022'")).isZero();
		assertThat(count("SELECT count(*) FROM household WHERE kk = '3510050101090022'")).isZero();
		assertThat(count("SELECT count(*) FROM household WHERE kk = ?", kk)).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM intervention_received WHERE import_id = ?", bpnt)).isEqualTo(1);
		assertThat(
				count("SELECT count(*) FROM change_audit WHERE entity_type = 'REGISTRY_IMPORT' AND action = 'DELETED'"
						+ " AND entity_key = ?", Long.toString(pkh)))
			.isEqualTo(1);

		// Again: already undone.
		String again = this.mvc
			.perform(post("/registri/impor/" + pkh + "/batal").param("confirm", "true").cookie(session).with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(again).contains("tidak dapat dibatalkan");
		// Without the confirmation: nothing happens.
		this.mvc.perform(post("/registri/impor/" + bpnt + "/batal").cookie(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(importRow(bpnt)).containsEntry("status", "SELESAI");
	}

	@Test
	void aRunningImportCannotBeUndoneUnlessItStoppedWithItsServer() throws Exception {
		Cookie session = Logins.login(this.mvc, "sekretariat");
		long running = this.jdbc.sql("""
				INSERT INTO registry_import (source_code, filename, content_sha256, status, total_bytes, started_by,
				                             started_at)
				SELECT 'PKH', 'jalan.csv', repeat('0', 64), 'BERJALAN', 100, id, now() FROM app_user
				WHERE username = 'sekretariat' RETURNING id""").query(Long.class).single();
		this.mvc
			.perform(
					post("/registri/impor/" + running + "/batal").param("confirm", "true").cookie(session).with(csrf()))
			.andExpect(status().isConflict());
		String fragment = this.mvc.perform(get("/registri/impor/" + running + "/kemajuan").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(fragment).contains("hx-get", "every 2s", "<progress").doesNotContain("<html");
		this.jdbc.sql("UPDATE registry_import SET status = 'GAGAL' WHERE id = ?").param(running).update();

		// One that stopped with its server (no batch for 10 minutes) may be undone.
		long stopped = this.jdbc.sql("""
				INSERT INTO registry_import (source_code, filename, content_sha256, status, total_bytes, started_by,
				                             started_at, heartbeat_at)
				SELECT 'PKH', 'terhenti.csv', repeat('1', 64), 'BERJALAN', 100, id, now() - interval '1 hour',
				       now() - interval '11 minutes' FROM app_user
				WHERE username = 'sekretariat' RETURNING id""").query(Long.class).single();
		String page = this.mvc.perform(get("/registri/impor/" + stopped).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("terhenti bersama servernya", "Batalkan impor ini").doesNotContain("every 2s");
		this.mvc
			.perform(
					post("/registri/impor/" + stopped + "/batal").param("confirm", "true").cookie(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(importRow(stopped)).containsEntry("status", "DIBATALKAN");
	}

	@Test
	void aDesilListSetsTheHouseholdsDesilAndTheNewestWins() throws Exception {
		Cookie session = Logins.login(this.mvc, "sekretariat");
		String kk = "3510050101090031";
		byte[] january = desilXlsx(kk, 3, LocalDate.of(2025, 1, 1), true);
		Map<String, String> mapping = Map.of("kolom_kk", "No KK", "kolom_nik", "NIK", "kolom_name", "Nama",
				"kolom_desa", "Kode Desa", "kolom_address", "Alamat", "kolom_desil", "Desil", "kolom_as_of",
				"Tanggal Data");
		long first = importFile(session, "DTSEN", "dtsen-jan.xlsx", january, mapping);
		assertThat(importRow(first)).containsEntry("rows_added", 1).containsEntry("rows_failed", 1);
		assertThat(desil(kk)).isEqualTo("3 DTSEN (desil) 2025-01-01");
		assertThat(count("SELECT count(*) FROM import_row_error WHERE import_id = ? AND field = 'desil'", first))
			.isEqualTo(1);

		// A later date (typed on the form for the whole file) wins.
		byte[] june = desilXlsx(kk, 2, null, false);
		Map<String, String> noDate = new java.util.HashMap<>(mapping);
		noDate.remove("kolom_as_of");
		noDate.put("asOf", "2025-06-01");
		long second = importFile(session, "DTSEN", "dtsen-jun.xlsx", june, noDate);
		assertThat(importRow(second)).containsEntry("rows_added", 1);
		assertThat(desil(kk)).isEqualTo("2 DTSEN (desil) 2025-06-01");

		// An older one is kept in the history but does not overwrite.
		byte[] old = desilXlsx(kk, 5, LocalDate.of(2024, 6, 1), false);
		long third = importFile(session, "DTSEN", "dtsen-2024.xlsx", old, mapping);
		assertThat(importRow(third)).containsEntry("rows_added", 1);
		assertThat(desil(kk)).isEqualTo("2 DTSEN (desil) 2025-06-01");
		assertThat(count("SELECT count(*) FROM desil_record d JOIN household h ON h.id = d.household_id WHERE h.kk = ?",
				kk))
			.isEqualTo(3);

		// Undoing the June list brings back January's.
		this.mvc
			.perform(post("/registri/impor/" + second + "/batal").param("confirm", "true").cookie(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(desil(kk)).isEqualTo("3 DTSEN (desil) 2025-01-01");
	}

	@Test
	void theMappingIsSavedPerSourceAndPrefilledNextTime() throws Exception {
		Cookie session = Logins.login(this.mvc, "sekretariat");
		String csv = "Nomor NIK;Nomor KK;Nama Lengkap;Desa;Alamat;Sejak Tanggal\n"
				+ "3510054507800041;3510050101090041;Ani;35.10.05.2001;Dusun A;2025-05-05\n";
		importFile(session, "KIP", "kip.csv", csv.getBytes(StandardCharsets.UTF_8),
				Map.of("kolom_nik", "Nomor NIK", "kolom_kk", "Nomor KK", "kolom_name", "Nama Lengkap", "kolom_desa",
						"Desa", "kolom_address", "Alamat", "kolom_received_on", "Sejak Tanggal"));
		String saved = this.jdbc.sql("SELECT CAST(column_mapping AS text) FROM import_source WHERE code = 'KIP'")
			.query(String.class)
			.single();
		assertThat(saved).contains("\"nik\": \"Nomor NIK\"", "\"received_on\": \"Sejak Tanggal\"");
		// Next time the headings come in capitals: still found.
		String next = csv.replace("Nomor NIK", "NOMOR NIK").replace("Sejak Tanggal", "SEJAK TANGGAL");
		String token = upload(session, "KIP", "kip2.csv", next.getBytes(StandardCharsets.UTF_8));
		String page = this.mvc.perform(get("/registri/impor/petakan/" + token).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).containsPattern("<option value=\"NOMOR NIK\" selected=\"selected\">")
			.containsPattern("<option value=\"SEJAK TANGGAL\" selected=\"selected\">");
	}

	@Test
	void badUploadsBringTheFormBackWithAFieldMessage() throws Exception {
		Cookie session = Logins.login(this.mvc, "sekretariat");
		byte[] csv = PKH_CSV.getBytes(StandardCharsets.UTF_8);
		long before = count("SELECT count(*) FROM registry_import");
		assertThat(uploadPage(session, "XYZ", "a.csv", csv)).contains("Pilih sumber daftar yang dikenal.");
		assertThat(uploadPage(session, "", "a.csv", csv)).contains("Pilih sumber daftar yang dikenal.");
		assertThat(uploadPage(session, "P".repeat(5000), "a.csv", csv)).contains("Pilih sumber daftar yang dikenal.");
		assertThat(uploadPage(session, "PKH", "a.csv", new byte[0])).contains("Berkas kosong.");
		assertThat(uploadPage(session, "PKH", "a.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
			.contains("Berkas harus CSV atau XLSX.");
		assertThat(uploadPage(session, "PKH", "a.csv", new byte[] { 'N', 'I', 'K', 0, 1, 2 }))
			.contains("Berkas harus CSV atau XLSX.");
		assertThat(uploadPage(session, "PKH", "a.xlsx", csv)).contains("Berkas harus CSV atau XLSX.");
		assertThat(uploadPage(session, "PKH", "a.csv", "\n\n ,, \n".getBytes(StandardCharsets.UTF_8)))
			.contains("Berkas tidak punya baris judul kolom.");
		String noFile = this.mvc
			.perform(multipart("/registri/impor").param("source", "PKH").cookie(session).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(noFile).contains("Pilih berkas CSV atau XLSX.");
		this.mvc
			.perform(multipart("/registri/impor").file(new MockMultipartFile("file", "a.csv", "text/csv", csv))
				.param("source", "PK\u0000H")
				.cookie(session)
				.with(csrf()))
			.andExpect(status().isBadRequest());

		// The mapping: a heading not in the file, a required field left out, a bad date.
		String token = upload(session, "PKH", "a.csv", csv);
		String mapping = this.mvc
			.perform(post("/registri/impor/petakan/" + token).param("kolom_nik", "TIDAK_ADA")
				.param("kolom_desa", "DESA")
				.param("kolom_received_on", "TGL")
				.cookie(session)
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(mapping).contains("Kolom ini tidak ada di berkas.", "Pilih kolom untuk isian ini.");
		this.mvc.perform(
				post("/registri/impor/petakan/" + token).param("kolom_nik", "NIK\u0000").cookie(session).with(csrf()))
			.andExpect(status().isBadRequest());
		String desilToken = upload(session, "DTSEN", "d.xlsx", desilXlsx("3510050101090051", 1, null, false));
		String desilMapping = this.mvc
			.perform(post("/registri/impor/petakan/" + desilToken).param("kolom_kk", "No KK")
				.param("kolom_name", "Nama")
				.param("kolom_desa", "Kode Desa")
				.param("kolom_desil", "Desil")
				.param("asOf", "2025-02-30")
				.cookie(session)
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(desilMapping).contains("Tanggal tidak valid");
		assertThat(count("SELECT count(*) FROM registry_import")).isEqualTo(before);

		// Tokens and ids that are no upload, no import, no number.
		this.mvc.perform(get("/registri/impor/petakan/bukan-token").cookie(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/registri/impor/petakan/00000000-0000-0000-0000-000000000000").cookie(session))
			.andExpect(status().isNotFound());
		// A path that cannot be read names nothing that exists (WebExceptionHandler).
		this.mvc.perform(get("/registri/impor/99999999999999999999").cookie(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/registri/impor/abc").cookie(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/registri/impor/-1").cookie(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/registri/impor/987654321").cookie(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/registri/impor/987654321/galat.csv").cookie(session)).andExpect(status().isNotFound());
		this.mvc.perform(post("/registri/impor/987654321/batal").param("confirm", "true").cookie(session).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/registri/impor?page=-1").cookie(session)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/registri/impor?page=abc").cookie(session)).andExpect(status().isBadRequest());
		this.mvc.perform(get("/registri/impor?page=99999999999999999999").cookie(session))
			.andExpect(status().isBadRequest());
	}

	@Test
	void onlyTheSecretariatAndTheAdminMayImport() throws Exception {
		for (String user : List.of("upt.muncar", "dinsos", "pimpinan")) {
			Cookie session = Logins.login(this.mvc, user);
			this.mvc.perform(get("/registri/impor").cookie(session)).andExpect(status().isForbidden());
			this.mvc
				.perform(multipart("/registri/impor")
					.file(new MockMultipartFile("file", "a.csv", "text/csv", PKH_CSV.getBytes(StandardCharsets.UTF_8)))
					.param("source", "PKH")
					.cookie(session)
					.with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/registri/impor/1/batal").param("confirm", "true").cookie(session).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/registri/impor/1/galat.csv").cookie(session)).andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/registri/impor").cookie(Logins.login(this.mvc, "admin"))).andExpect(status().isOk());
		String home = this.mvc.perform(get("/registri/impor").cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(home).contains("Impor data", "enctype=\"multipart/form-data\"", "_csrf");
		// Without CSRF: refused.
		this.mvc
			.perform(post("/registri/impor/1/batal").param("confirm", "true")
				.cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isForbidden());
	}

	// --- helpers

	long importFile(Cookie session, String source, String filename, byte[] content, Map<String, String> mapping)
			throws Exception {
		String token = upload(session, source, filename, content);
		MockHttpServletRequestBuilder start = post("/registri/impor/petakan/" + token).cookie(session).with(csrf());
		mapping.forEach((k, v) -> start.param(k, v));
		MvcResult started = this.mvc.perform(start).andExpect(status().is3xxRedirection()).andReturn();
		String location = started.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/registri/impor/");
		long id = Long.parseLong(location.substring("/registri/impor/".length()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !"BERJALAN".equals(this.jdbc.sql("SELECT status FROM registry_import WHERE id = ?")
				.param(id)
				.query(String.class)
				.single()));
		return id;
	}

	String upload(Cookie session, String source, String filename, byte[] content) throws Exception {
		MvcResult uploaded = this.mvc
			.perform(multipart("/registri/impor").file(new MockMultipartFile("file", filename, "text/csv", content))
				.param("source", source)
				.cookie(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = uploaded.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/registri/impor/petakan/");
		return location.substring("/registri/impor/petakan/".length());
	}

	String uploadPage(Cookie session, String source, String filename, byte[] content) throws Exception {
		return this.mvc
			.perform(multipart("/registri/impor").file(new MockMultipartFile("file", filename, "text/csv", content))
				.param("source", source)
				.cookie(session)
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** A DTSEN list with the household's row, and one row of desil 11 when asked. */
	static byte[] desilXlsx(String kk, int desil, LocalDate asOf, boolean withBadRow) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("DTSEN");
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
			Row head = sheet.createRow(0);
			String[] headings = { "No KK", "NIK", "Nama", "Kode Desa", "Alamat", "Desil", "Tanggal Data" };
			for (int i = 0; i < headings.length; i++) {
				head.createCell(i).setCellValue(headings[i]);
			}
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue(kk);
			row.createCell(1).setCellValue(Double.parseDouble("35100545078000" + kk.substring(14)));
			row.createCell(2).setCellValue("Warga Desil");
			row.createCell(3).setCellValue("35.10.05.2001");
			row.createCell(4).setCellValue("Dusun Krajan RT 9");
			row.createCell(5).setCellValue(desil);
			if (asOf != null) {
				row.createCell(6).setCellValue(asOf);
				row.getCell(6).setCellStyle(dateStyle);
			}
			if (withBadRow) {
				Row bad = sheet.createRow(2);
				bad.createCell(0).setCellValue("3510050101099999");
				bad.createCell(2).setCellValue("Desil Salah");
				bad.createCell(3).setCellValue("35.10.05.2001");
				bad.createCell(4).setCellValue("Dusun X");
				bad.createCell(5).setCellValue(11);
				bad.createCell(6).setCellValue(asOf);
				bad.getCell(6).setCellStyle(dateStyle);
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	Map<String, Object> importRow(long id) {
		return this.jdbc.sql("SELECT * FROM registry_import WHERE id = ?").param(id).query().singleRow();
	}

	long count(String sql, Object... params) {
		var spec = this.jdbc.sql(sql);
		for (Object p : params) {
			spec = spec.param(p);
		}
		return spec.query(Long.class).single();
	}

	LocalDate lastHelped(String kk) {
		return this.jdbc.sql("SELECT last_helped_on FROM household WHERE kk = ?")
			.param(kk)
			.query(LocalDate.class)
			.single();
	}

	String desil(String kk) {
		return this.jdbc.sql("SELECT desil || ' ' || desil_source || ' ' || desil_as_of FROM household WHERE kk = ?")
			.param(kk)
			.query(String.class)
			.single();
	}

}
