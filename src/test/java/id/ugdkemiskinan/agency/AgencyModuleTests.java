package id.ugdkemiskinan.agency;

import java.util.List;

import id.ugdkemiskinan.support.TestClockConfiguration;
import id.ugdkemiskinan.support.TestcontainersConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency module on its own: the dinas, the categories and the routing from categories
 * to dinas, with the secretariat as the owner of whatever no active rule routes.
 */
// DIRECT_DEPENDENCIES: the admin's changes write "Riwayat perubahan" through
// common.ChangeAudit.
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class })
@TestPropertySource(properties = { "ugd.embedded-postgres.enabled=false", "ugd.test.database=agency_module" })
class AgencyModuleTests {

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsTheOperationalDinasFirstAndTheSecretariatLast() {
		List<DinasRef> dinas = this.agencies.dinas();
		assertThat(dinas).extracting(DinasRef::code).containsExactly("BPMD", "DINDIK", "DINKES", "DINSOS", "KESRA");
		assertThat(this.agencies.secretariat().code()).isEqualTo("KESRA");
		assertThat(this.agencies.categories()).extracting(CategoryRef::code)
			.startsWith("KESEHATAN", "PENDIDIKAN")
			.endsWith("LAINNYA");
	}

	@Test
	void routesEachCategoryToItsDinasAndTheRestToTheSecretariat() {
		assertThat(this.agencies.route(List.of("PENDIDIKAN", "KESEHATAN"))).containsExactly("DINDIK", "DINKES");
		assertThat(this.agencies.route(List.of("RUMAH_TIDAK_LAYAK_HUNI", "EKONOMI_PEKERJAAN"))).containsExactly("BPMD");
		assertThat(this.agencies.route(List.of("LAINNYA"))).containsExactly("KESRA");
		assertThat(this.agencies.route(List.of())).containsExactly("KESRA");
	}

	@Test
	@Transactional
	void aCategoryWhoseDinasIsInactiveGoesToTheSecretariat() {
		this.jdbc.sql("UPDATE dinas SET active = false WHERE code = 'DINKES'").update();
		assertThat(this.agencies.route(List.of("KESEHATAN"))).containsExactly("KESRA");
		assertThat(this.agencies.route(List.of("KESEHATAN", "PENDIDIKAN"))).containsExactly("DINDIK");
	}

	@Test
	@Transactional
	void aKecamatanRuleWinsOverTheKabupatenRuleOfItsCategoryInThatKecamatanAlone() {
		this.jdbc.sql("INSERT INTO kabupaten (code, name) VALUES ('35.10', 'Banyuwangi') ON CONFLICT DO NOTHING")
			.update();
		this.jdbc.sql("""
				INSERT INTO kecamatan (code, kabupaten_code, name) VALUES ('35.10.05', '35.10', 'Muncar')
				ON CONFLICT DO NOTHING""").update();
		this.jdbc
			.sql("""
					INSERT INTO routing_rule (category_code, dinas_code, kecamatan_code)
					VALUES ('RUMAH_TIDAK_LAYAK_HUNI', 'DINSOS', '35.10.05'), ('RUMAH_TIDAK_LAYAK_HUNI', 'DINKES', '35.10.05')""")
			.update();
		assertThat(this.agencies.route(List.of("RUMAH_TIDAK_LAYAK_HUNI"), "35.10.05")).containsExactly("DINKES",
				"DINSOS");
		assertThat(this.agencies.route(List.of("RUMAH_TIDAK_LAYAK_HUNI", "PENDIDIKAN"), "35.10.05"))
			.containsExactly("DINDIK", "DINKES", "DINSOS");
		assertThat(this.agencies.route(List.of("RUMAH_TIDAK_LAYAK_HUNI"), "35.10.09")).containsExactly("BPMD");
		assertThat(this.agencies.route(List.of("RUMAH_TIDAK_LAYAK_HUNI"))).containsExactly("BPMD");
		// A kecamatan rule whose dinas is inactive leaves the other kecamatan rules, or
		// else the kabupaten's.
		this.jdbc.sql("UPDATE dinas SET active = false WHERE code IN ('DINKES', 'DINSOS')").update();
		assertThat(this.agencies.route(List.of("RUMAH_TIDAK_LAYAK_HUNI"), "35.10.05")).containsExactly("BPMD");
	}

	@Test
	@Transactional
	void theSameRuleCannotBeStoredTwiceKabupatenWideOrForOneKecamatan() {
		assertThat(this.agencies.addRoutingRule("KESEHATAN", "DINKES", null, null, "Uji", java.time.Instant.now()))
			.isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM routing_rule WHERE category_code = 'KESEHATAN'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
