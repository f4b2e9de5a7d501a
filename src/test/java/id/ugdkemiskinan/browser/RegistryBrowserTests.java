package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import id.ugdkemiskinan.residents.registry.RegistryWriter;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's pages in headless Chromium, looked at by {@link Browser#look}: a person
 * with her cases and what she received, her household, a search's results, and a person
 * without NIK with "Mungkin orang yang sama" and the merge's confirmation.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=true",
		"ugd.test.database=ugd_pages_browser" })
class RegistryBrowserTests extends BrowserTestSupport {

	static final String DESA = "35.10.05.2002";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryWriter writer;

	@Autowired
	TransactionTemplate tx;

	long mother;

	long household;

	long withoutNik;

	@Test
	@Order(1)
	void anOperatorLooksUpAFamily() {
		aFamilyOfMuncar();
		this.browser.login("upt.muncar");
		this.browser.open("/warga?q=Wulandari");
		assertThat(this.browser.pageText()).contains("Siti Wulandari", "Menampilkan");
		this.browser.look("registry-search");

		this.browser.open("/warga/" + this.mother);
		assertThat(this.browser.pageText()).contains("Siti Wulandari", "3510055203800042", "Perempuan",
				"Impor PKH (pkh-banyuwangi-2025.xlsx", "Bantuan yang diterima");
		this.browser.look("registry-person");

		this.browser.open("/keluarga/" + this.household);
		assertThat(this.browser.pageText()).contains("Anggota keluarga (3)", "Riwayat desil", "saat ini");
		this.browser.look("registry-household");

		this.browser.open("/warga/" + this.withoutNik);
		assertThat(this.browser.pageText()).contains("Mungkin orang yang sama", "Gabungkan");
		this.browser.look("registry-person-without-nik");
		this.browser.clickToLoad("form[action$='/gabung'] button[type=submit]");
		assertThat(this.browser.pageText()).contains("Gabungkan data warga?", "Ya, gabungkan");
		this.browser.look("registry-merge-confirm");
		this.browser.logout();
	}

	@Test
	@Order(2)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-registry.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

	private void aFamilyOfMuncar() {
		this.tx.executeWithoutResult(s -> {
			this.household = this.writer.household("3510051203150001", DESA,
					"Dusun Krajan RT 2 RW 5, Jl. Pelabuhan 12");
			this.mother = this.writer.person("3510055203800042", null, "Siti Wulandari", "081234567890", DESA,
					"Dusun Krajan RT 2 RW 5, Jl. Pelabuhan 12", this.household);
			this.writer.person("3510051506150042", null, "Budi Santoso", null, DESA,
					"Dusun Krajan RT 2 RW 5, Jl. Pelabuhan 12", this.household);
			this.writer.person("3510054511120042", null, "Rina Wulandari", null, DESA,
					"Dusun Krajan RT 2 RW 5, Jl. Pelabuhan 12", this.household);
			long own = this.writer.household(null, DESA, "Dusun Krajan dekat masjid");
			this.withoutNik = this.writer.person(null, "belum punya KTP", "SITI WULANDARI", null, DESA,
					"Dusun Krajan dekat masjid", own);
		});
		List<Long> cases = this.jdbc.sql("""
				SELECT c.id FROM case_file c WHERE c.kecamatan_code = '35.10.05'
				AND EXISTS (SELECT 1 FROM assignment a WHERE a.case_id = c.id AND a.status = 'SELESAI')
				ORDER BY c.filed_at DESC LIMIT 2""").query(Long.class).list();
		for (long caseId : cases) {
			this.jdbc.sql("""
					INSERT INTO person_case (case_id, person_id, linked_by, linked_at) VALUES (:c, :p, 'NIK', now())
					ON CONFLICT (case_id) DO UPDATE SET person_id = EXCLUDED.person_id""")
				.param("c", caseId)
				.param("p", this.mother)
				.update();
			this.jdbc.sql("""
					INSERT INTO intervention_received (household_id, person_id, intervention_code, received_on, case_id,
					                                   assignment_id, recorded_at)
					SELECT :h, :p, a.intervention_code, (a.closed_at AT TIME ZONE 'Asia/Jakarta')::date, a.case_id,
					       a.id, now()
					FROM assignment a WHERE a.case_id = :c AND a.status = 'SELESAI' AND a.intervention_code IS NOT NULL
					ON CONFLICT (assignment_id) DO NOTHING""")
				.param("h", this.household)
				.param("p", this.mother)
				.param("c", caseId)
				.update();
		}
		long pkh = this.jdbc.sql("""
				INSERT INTO registry_import (source_code, filename, content_sha256, status, total_bytes, started_by,
				                             started_at, finished_at)
				VALUES ('PKH', 'pkh-banyuwangi-2025.xlsx', repeat('a', 64), 'SELESAI', 1000,
				        (SELECT id FROM app_user WHERE username = 'sekretariat'), now(), now())
				RETURNING id""").query(Long.class).single();
		for (LocalDate day : List.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 1), LocalDate.of(2024, 9, 1))) {
			this.jdbc.sql("""
					INSERT INTO intervention_received (household_id, person_id, intervention_code, received_on,
					                                   import_id, recorded_at)
					VALUES (:h, :p, 'PKH', :day, :import, now())""")
				.param("h", this.household)
				.param("p", this.mother)
				.param("day", day)
				.param("import", pkh)
				.update();
		}
		this.jdbc.sql("""
				INSERT INTO desil_record (household_id, desil, source, as_of, recorded_at) VALUES
				    (:h, 3, 'DTKS', DATE '2023-06-01', now()), (:h, 2, 'DTSEN', DATE '2026-01-15', now())""")
			.param("h", this.household)
			.update();
		this.jdbc.sql("""
				UPDATE household SET desil = 2, desil_source = 'DTSEN', desil_as_of = DATE '2026-01-15',
				                     last_helped_on = DATE '2025-06-01' WHERE id = :h""")
			.param("h", this.household)
			.update();
	}

}
