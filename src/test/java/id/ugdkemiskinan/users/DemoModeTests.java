package id.ugdkemiskinan.users;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Outside demo mode (the default with an external database) there are no demo accounts
 * and no banner.
 */
@IntegrationTest
@TestPropertySource(properties = { "ugd.demo.enabled=false", "ugd.test.database=nodemo" })
class DemoModeTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void noDemoAccountsExistOutsideDemoMode() throws Exception {
		assertThat(this.jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isZero();
		assertThat(Logins.submitLogin(this.mvc, "admin", Logins.DEMO_PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");
		this.mvc.perform(get("/login"))
			.andExpect(content().string(not(containsString("MODE DEMO"))))
			.andExpect(content().string(not(containsString("banyuwangi"))));
	}

}
