package id.ugdkemiskinan.region;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCatalogTests {

	@Test
	void everyKabupatenAndKotaOfTheListLoads() {
		List<String> codes = RegionCatalog.kabupatenCodes();

		assertThat(codes).hasSize(514);
		for (String code : List.of("64.02", "33.04", "31.71", "35.10")) {
			KabupatenRegions regions = RegionCatalog.load(code);
			assertThat(regions.kecamatan()).isNotEmpty().allSatisfy(k -> assertThat(k.code()).startsWith(code + "."));
			assertThat(regions.desa()).isNotEmpty().allSatisfy(d -> assertThat(d.code()).hasSize(13));
		}
	}

	@Test
	void kutaiKartanegaraAndBanjarnegaraLoadWithTheirNames() {
		KabupatenRegions kukar = RegionCatalog.load("64.02");
		KabupatenRegions banjarnegara = RegionCatalog.load("33.04");

		assertThat(kukar.kabupaten().name()).isEqualTo("Kabupaten Kutai Kartanegara");
		assertThat(kukar.kecamatan()).hasSize(20);
		assertThat(banjarnegara.kabupaten().name()).isEqualTo("Kabupaten Banjarnegara");
		assertThat(banjarnegara.kecamatan()).hasSize(20);
		assertThat(banjarnegara.desa()).hasSize(278);
	}

	@Test
	void banyuwangiCountsMatchTheList() {
		KabupatenRegions banyuwangi = RegionCatalog.load("35.10");

		assertThat(banyuwangi.kecamatan()).hasSize(25);
		assertThat(banyuwangi.desa()).hasSize(217);
	}

	@Test
	void anUnknownOrMalformedCodeIsRefusedWithAClearMessage() {
		assertThatThrownBy(() -> RegionCatalog.load("99.99")).isInstanceOf(UnknownKabupatenException.class)
			.hasMessageContaining("'99.99'")
			.hasMessageContaining("Kemendagri");
		assertThatThrownBy(() -> RegionCatalog.load("35.10.05")).isInstanceOf(UnknownKabupatenException.class);
		assertThatThrownBy(() -> RegionCatalog.load("35")).isInstanceOf(UnknownKabupatenException.class);
	}

}
