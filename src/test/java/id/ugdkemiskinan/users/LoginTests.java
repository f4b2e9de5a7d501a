package id.ugdkemiskinan.users;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LoginTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theLoginPageIsInIndonesianAndListsTheDemoLogins() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nama pengguna")))
			.andExpect(content().string(containsString("MODE DEMO")))
			.andExpect(content().string(containsString("upt.muncar")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("href=\"/cek\"")));
	}

	@Test
	void theLoginPageSpeaksEnglishOnRequest() throws Exception {
		this.mvc.perform(get("/login").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("User name")))
			.andExpect(content().string(not(containsString("Nama pengguna"))));
	}

	@Test
	void eachDemoUserLandsOnTheirRolesHome() throws Exception {
		assertThat(landing("upt.muncar")).isEqualTo("/kasus");
		assertThat(landing("upt.genteng")).isEqualTo("/kasus");
		assertThat(landing("dinsos")).isEqualTo("/antrian");
		assertThat(landing("dindik")).isEqualTo("/antrian");
		assertThat(landing("dinkes")).isEqualTo("/antrian");
		assertThat(landing("bpmd")).isEqualTo("/antrian");
		assertThat(landing("sekretariat")).isEqualTo("/dasbor");
		assertThat(landing("pimpinan")).isEqualTo("/dasbor");
		assertThat(landing("admin")).isEqualTo("/admin/pengguna");
	}

	@Test
	void userNamesAreCaseInsensitive() throws Exception {
		assertThat(landing("UPT.Muncar")).isEqualTo("/kasus");
	}

	@Test
	void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
		assertThat(Logins.submitLogin(this.mvc, "pimpinan", "salah-sekali").getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");
		assertThat(Logins.submitLogin(this.mvc, "tidak.ada", "salah-sekali").getResponse().getRedirectedUrl())
			.isEqualTo("/login?error");
		this.mvc.perform(get("/login?error"))
			.andExpect(content().string(containsString("Nama pengguna atau kata sandi salah.")));
	}

	private String landing(String username) throws Exception {
		return redirect(username, Logins.DEMO_PASSWORD);
	}

	private String redirect(String username, String password) throws Exception {
		MvcResult result = Logins.submitLogin(this.mvc, username, password);
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

}
