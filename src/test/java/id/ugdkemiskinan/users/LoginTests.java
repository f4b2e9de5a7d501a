package id.ugdkemiskinan.users;

import java.time.Duration;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
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

	@Autowired
	MutableClock clock;

	@Autowired
	UserAdministration administration;

	@Test
	void theLoginPageIsInIndonesianAndListsTheDemoLogins() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nama pengguna")))
			.andExpect(content().string(containsString("MODE DEMO")))
			.andExpect(content().string(containsString("upt.muncar")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
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

	@Test
	void fiveFailuresLockTheAccountForFifteenMinutesEvenForTheRightPassword() throws Exception {
		this.administration.createIfAbsent("kunci.satu", "Uji Kunci", "rahasia-benar-1", Role.PIMPINAN, null, null);
		for (int i = 1; i <= 4; i++) {
			assertThat(redirect("kunci.satu", "salah-" + i)).isEqualTo("/login?error");
		}
		assertThat(redirect("kunci.satu", "salah-5")).isEqualTo("/login?locked");
		assertThat(redirect("kunci.satu", "rahasia-benar-1")).as("right password while locked").isEqualTo("/login?locked");
		this.mvc.perform(get("/login?locked"))
			.andExpect(content().string(containsString("Akun dikunci sementara setelah 5 kali gagal masuk")));

		this.clock.advance(Duration.ofMinutes(14));
		assertThat(redirect("kunci.satu", "rahasia-benar-1")).isEqualTo("/login?locked");

		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(redirect("kunci.satu", "rahasia-benar-1")).isEqualTo("/dasbor");
	}

	@Test
	void anUnknownUserNameLocksJustTheSameSoNothingRevealsWhichAccountsExist() throws Exception {
		for (int i = 1; i <= 4; i++) {
			assertThat(redirect("hantu.tak.ada", "salah-" + i)).isEqualTo("/login?error");
		}
		assertThat(redirect("hantu.tak.ada", "salah-5")).isEqualTo("/login?locked");
	}

	@Test
	void aSuccessfulLoginResetsTheFailureCount() throws Exception {
		this.administration.createIfAbsent("kunci.dua", "Uji Kunci", "rahasia-benar-2", Role.PIMPINAN, null, null);
		for (int i = 1; i <= 4; i++) {
			redirect("kunci.dua", "salah-" + i);
		}
		assertThat(redirect("kunci.dua", "rahasia-benar-2")).isEqualTo("/dasbor");
		assertThat(redirect("kunci.dua", "salah-lagi")).isEqualTo("/login?error");
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
