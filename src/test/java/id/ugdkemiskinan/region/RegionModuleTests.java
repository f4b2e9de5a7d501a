package id.ugdkemiskinan.region;

import java.util.List;

import id.ugdkemiskinan.support.TestClockConfiguration;
import id.ugdkemiskinan.support.TestcontainersConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region module on its own (no other module's beans): on start it imports the
 * configured kabupaten from the Kemendagri list, and its API answers from what it
 * imported.
 */
@ApplicationModuleTest
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class })
@TestPropertySource(properties = { "ugd.embedded-postgres.enabled=false", "ugd.test.database=region_module",
		"ugd.kabupaten-code=35.10" })
class RegionModuleTests {

	@Autowired
	Regions regions;

	@Test
	void importsTheKabupatenOnStartAndAnswersFromIt() {
		assertThat(this.regions.kabupaten().code()).isEqualTo("35.10");
		assertThat(this.regions.kabupaten().name()).containsIgnoringCase("Banyuwangi");
		assertThat(this.regions.kecamatanCount()).isEqualTo(25);
		assertThat(this.regions.desaCount()).isEqualTo(217);

		KecamatanRef first = this.regions.kecamatan().get(0);
		assertThat(this.regions.kecamatan(first.code())).contains(first);
		List<DesaRef> desa = this.regions.desaIn(first.code());
		assertThat(desa).isNotEmpty().allSatisfy(d -> assertThat(d.kecamatanCode()).isEqualTo(first.code()));
		assertThat(this.regions.desa(desa.get(0).code())).contains(desa.get(0));
		assertThat(this.regions.desa("35.10.99.9999")).isEmpty();
		assertThat(this.regions.kecamatan("35.11.01")).isEmpty();
	}

	@Test
	void knowsTheProvinceCodes() {
		assertThat(this.regions.isProvinceCode("35")).isTrue();
		assertThat(this.regions.isProvinceCode("64")).isTrue();
		assertThat(this.regions.isProvinceCode("99")).isFalse();
	}

}
