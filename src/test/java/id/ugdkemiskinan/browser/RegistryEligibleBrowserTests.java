package id.ugdkemiskinan.browser;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Layak belum dibantu", the needs per lokus, the admin's lokus prioritas and registry
 * settings in headless Chromium, looked at by {@link Browser#look}.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_eligible_browser" })
class RegistryEligibleBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	@Order(1)
	void theSecretariatSeesTheEligibleListOfAKecamatan() {
		this.jdbc.sql("DELETE FROM person").update();
		this.jdbc.sql("DELETE FROM household").update();
		this.jdbc
			.sql("""
					INSERT INTO household (kk, kecamatan_code, desa_code, address, address_key, desil, desil_source, desil_as_of,
					                       last_helped_on, created_at)
					SELECT '35100901' || lpad(i::text, 8, '0'), '35.10.09', d.codes[1 + i % array_length(d.codes, 1)],
					       'Dusun Krajan RT 0' || (1 + i % 5) || ' RW 0' || (1 + i % 3), 'dusun krajan ' || i, 1 + i % 5, 'DTSEN',
					       DATE '2026-03-01', CASE WHEN i % 4 = 0 THEN DATE '2024-08-17' END, now()
					FROM generate_series(1, 40) i
					CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM desa WHERE kecamatan_code = '35.10.09') d""")
			.update();
		this.jdbc
			.sql("""
					INSERT INTO person (nik, name, sex, birth_date, household_id, kecamatan_code, desa_code, address, created_at, updated_at)
					SELECT '3510094' || lpad((h.id * 3 + m)::text, 9, '0'),
					       (ARRAY['Siti Aminah', 'Mbah Sarni', 'Budi Santoso', 'Ahmad Fauzi', 'Sri Wahyuni', 'Yusuf Efendi'])[1 + (h.id + m) % 6]
					         || ' ' || h.id, CASE WHEN m = 1 THEN 'L' ELSE 'P' END,
					       DATE '1945-01-01' + ((h.id * 977 + m * 4000) % 25000)::int, h.id, h.kecamatan_code, h.desa_code, h.address, now(), now()
					FROM household h CROSS JOIN generate_series(0, 2) m WHERE m = 0 OR h.id % 3 <> 0""")
			.update();
		this.jdbc
			.sql("""
					WITH i AS (INSERT INTO registry_import (source_code, filename, content_sha256, status, total_bytes, started_by, started_at)
					           VALUES ('RTLH', 'rtlh-2024.csv', repeat('b', 64), 'SELESAI', 1,
					                   (SELECT id FROM app_user WHERE username = 'admin'), now()) RETURNING id)
					INSERT INTO intervention_received (household_id, intervention_code, received_on, import_id, recorded_at)
					SELECT h.id, 'BEDAH_RUMAH_RTLH', DATE '2024-08-17', i.id, now() FROM household h CROSS JOIN i
					WHERE h.last_helped_on IS NOT NULL""")
			.update();
		this.browser.login("sekretariat");
		this.browser.open("/registri/layak");
		this.browser.look("registry-eligible-choose");
		this.browser.open("/registri/layak?kecamatan=35.10.09");
		assertThat(this.browser.pageText()).contains("Layak belum dibantu", "Genteng", "Unduh BNBA");
		this.browser.look("registry-eligible");
	}

	@Test
	@Order(2)
	void theAdminMarksALokusAndTheSecretariatSeesItsNeeds() {
		this.browser.logout();
		this.browser.login("admin");
		this.browser.open("/admin/lokus?kecamatan=35.10.09");
		this.browser.clickToLoad("#prio-mark button[type=submit]");
		assertThat(this.browser.pageText()).contains("Desa ditandai sebagai lokus prioritas");
		this.browser.look("registry-lokus-admin");
		this.browser.open("/admin/registri");
		this.browser.look("registry-settings");
		this.browser.type("#eligibleMaxDesil", "11");
		this.browser.clickToLoad("#registry-settings button[type=submit]");
		assertThat(this.browser.pageText()).contains("Desil antara 1 dan 10");
		this.browser.look("registry-settings-error");
		this.browser.logout();
		this.browser.login("sekretariat");
		this.browser.open("/registri/lokus");
		assertThat(this.browser.pageText()).contains("Kebutuhan per desa lokus", "RTLH");
		this.browser.look("registry-needs");
		this.browser.logout();
	}

	@Test
	@Order(3)
	void everyViewIsAccessibleAndFitsThePhone() throws IOException {
		Files.createDirectories(Browser.SCREENSHOTS);
		Files.writeString(Browser.SCREENSHOTS.resolve("axe-registry-eligible.md"), this.browser.axeReport());
		assertThat(this.browser.problems()).isEmpty();
	}

}
