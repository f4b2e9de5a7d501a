package id.ugdkemiskinan.region;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The kabupaten is configuration: Kutai Kartanegara on its own empty database. */
@IntegrationTest
@TestPropertySource(properties = { "ugd.kabupaten-code=64.02", "ugd.test.database=kukar" })
class OtherKabupatenTests {

	@Autowired
	Regions regions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void loadsKutaiKartanegaraAndMakesOperatorsForItsFirstTwoKecamatan() throws Exception {
		assertThat(this.regions.kabupaten().name()).isEqualTo("Kabupaten Kutai Kartanegara");
		assertThat(this.regions.kecamatanCount()).isEqualTo(20);
		assertThat(this.regions.desaCount()).isEqualTo(237);
		assertThat(this.jdbc
			.sql("SELECT username || '@' || kecamatan_code FROM app_user WHERE role = 'OPERATOR_UPT' ORDER BY 1")
			.query(String.class)
			.list()).containsExactly("upt.loakulu@64.02.02", "upt.muaramuntai@64.02.01");

		this.mvc.perform(get("/kasus").cookie(Logins.login(this.mvc, "upt.loakulu")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Kabupaten Kutai Kartanegara")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Loa Kulu")));
	}

}
