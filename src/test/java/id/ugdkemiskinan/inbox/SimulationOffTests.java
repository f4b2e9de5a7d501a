package id.ugdkemiskinan.inbox;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.users.Role;
import id.ugdkemiskinan.users.account.UserAdministration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Outside demo mode there is no simulation. */
@IntegrationTest
@TestPropertySource(properties = { "ugd.demo.enabled=false", "ugd.test.database=nodemo" })
class SimulationOffTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration users;

	@Test
	void theSimulationIs404OutsideDemoMode() throws Exception {
		this.users.createIfAbsent("upt.uji.inbox", "UPT Uji", "kopi-muncar-2026", Role.OPERATOR_UPT, "35.10.05", null);
		var session = Logins.login(this.mvc, "upt.uji.inbox", "kopi-muncar-2026");
		this.mvc.perform(get("/pesan-masuk/simulasi").cookie(session)).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/pesan-masuk/simulasi").param("phone", "081311112299")
				.param("text", "x")
				.cookie(session)
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

}
