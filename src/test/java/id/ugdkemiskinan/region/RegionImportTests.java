package id.ugdkemiskinan.region;

import id.ugdkemiskinan.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RegionImportTests {

	@Autowired
	RegionImporter importer;

	@Autowired
	Regions regions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void banyuwangiHas25KecamatanAnd217Desa() {
		assertThat(this.regions.kabupaten()).isEqualTo(new Kabupaten("35.10", "Kabupaten Banyuwangi"));
		assertThat(this.regions.kecamatanCount()).isEqualTo(25);
		assertThat(this.regions.desaCount()).isEqualTo(217);
		assertThat(this.regions.kecamatan()).contains(new KecamatanRef("35.10.05", "Muncar"),
				new KecamatanRef("35.10.09", "Genteng"));
		assertThat(this.regions.desaIn("35.10.05")).isNotEmpty()
			.allSatisfy(desa -> assertThat(desa.code()).startsWith("35.10.05."));
	}

	@Test
	void importingAgainChangesNothing() {
		String fingerprint = """
				SELECT count(*) || ':' || md5(string_agg(code || name || kind, ',' ORDER BY code))
				FROM desa WHERE code LIKE '35.10.%'""";
		String before = this.jdbc.sql(fingerprint).query(String.class).single();

		this.importer.importRegions();
		this.importer.importRegions();

		assertThat(this.jdbc.sql(fingerprint).query(String.class).single()).isEqualTo(before).startsWith("217:");
		assertThat(this.jdbc.sql("SELECT count(*) FROM kecamatan WHERE kabupaten_code = '35.10'")
			.query(Long.class)
			.single()).isEqualTo(25);
	}

	@Test
	void aCorrectedNameInTheListIsTakenOver() {
		this.jdbc.sql(
				"UPDATE desa SET name = 'Salah Ketik' WHERE code = (SELECT min(code) FROM desa WHERE kecamatan_code = '35.10.05')")
			.update();

		this.importer.importRegions();

		assertThat(this.jdbc.sql("SELECT count(*) FROM desa WHERE name = 'Salah Ketik'").query(Long.class).single())
			.isZero();
	}

}
