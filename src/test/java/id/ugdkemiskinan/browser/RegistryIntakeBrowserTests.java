package id.ugdkemiskinan.browser;

import id.ugdkemiskinan.support.CaseData;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filing form's resident panel in headless Chromium: the operator types a NIK and,
 * before filing, sees the household, its open case as a possible duplicate, the PKH it
 * has received since March 2025 and its desil; an operator of another kecamatan sees only
 * where the record is and whom to call.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_registry_browser" })
class RegistryIntakeBrowserTests extends BrowserTestSupport {

	static final String NIK = "3510054506750003";

	@Autowired
	JdbcClient jdbc;

	@Test
	@Order(1)
	void theOperatorSeesTheHouseholdsHistoryAfterTypingTheNik() {
		this.jdbc
			.sql("""
					WITH h AS (
					    INSERT INTO household (kk, kecamatan_code, desa_code, address, address_key, desil, desil_source,
					                           desil_as_of, last_helped_on, created_at)
					    VALUES ('3510050101750003', '35.10.05', :desa, 'Dusun Krajan RT 2 RW 5', 'dusun krajan rt 2 rw 5', 2,
					            'DTSEN (desil)', DATE '2026-09-01', DATE '2026-09-01', now())
					    RETURNING id),
					p AS (
					    INSERT INTO person (nik, name, sex, birth_date, household_id, kecamatan_code, desa_code, address,
					                        created_at, updated_at)
					    SELECT :nik, 'Sumiati', 'P', DATE '1975-06-05', h.id, '35.10.05', :desa, 'Dusun Krajan RT 2 RW 5', now(), now()
					    FROM h RETURNING id, household_id),
					m AS (
					    INSERT INTO person (nik, name, sex, birth_date, household_id, kecamatan_code, desa_code, address,
					                        created_at, updated_at)
					    SELECT '3510051204700004', 'Sugeng', 'L', DATE '1970-04-12', h.id, '35.10.05', :desa,
					           'Dusun Krajan RT 2 RW 5', now(), now() FROM h),
					i AS (
					    INSERT INTO registry_import (source_code, filename, content_sha256, status, total_bytes, started_by,
					                                 started_at, finished_at)
					    SELECT 'PKH', 'pkh-2025.csv', repeat('a', 64), 'SELESAI', 1, id, now(), now() FROM app_user
					    WHERE username = 'sekretariat' RETURNING id)
					INSERT INTO intervention_received (household_id, person_id, intervention_code, received_on, import_id,
					                                   recorded_at)
					SELECT p.household_id, p.id, 'PKH', d, i.id, now()
					FROM p, i, unnest(ARRAY[DATE '2025-03-01', DATE '2025-06-01', DATE '2026-09-01']) d""")
			.param("nik", NIK)
			.param("desa", CaseData.MUNCAR_DESA)
			.update();

		this.browser.login("upt.muncar");
		this.browser.open("/kasus/baru");
		this.browser.type("#nik", NIK);
		this.browser.await("return document.getElementById('resident-panel').textContent.includes('Sudah menerima');");
		assertThat(this.browser.text("#resident-panel")).contains("Riwayat warga", "Sumiati", "KK 3510050101750003",
				"2 anggota", "Desil 2", "Sudah menerima Program Keluarga Harapan (PKH) sejak Mar 2025");
		this.browser.look("filing-resident-panel");

		this.browser.logout();
		this.browser.login("upt.genteng");
		this.browser.open("/kasus/baru");
		this.browser.type("#nik", NIK);
		this.browser.await("return document.getElementById('resident-panel').textContent.includes('tercatat di');");
		assertThat(this.browser.text("#resident-panel")).contains("Warga ini tercatat di Kecamatan Muncar")
			.doesNotContain("Sumiati", "PKH");
		this.browser.look("filing-resident-panel-elsewhere");
	}

}
