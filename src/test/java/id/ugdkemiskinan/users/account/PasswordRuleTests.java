package id.ugdkemiskinan.users.account;

import id.ugdkemiskinan.users.Role;
import id.ugdkemiskinan.users.account.UserAdministration;
import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The password rule (issue 13, item 15): common, repeated and over-long passwords are
 * refused.
 */
@IntegrationTest
class PasswordRuleTests {

	private static final String PASSWORD = "rahasia-aturan-15";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration administration;

	@Test
	void oneOfTheTenThousandMostCommonPasswordsIsRefusedWhateverItsCase() throws Exception {
		Cookie user = user("aturan.umum");
		change(user, "qwertyuiop").andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "password.common"))
			.andExpect(content().string(containsString("termasuk 10.000 kata sandi yang paling umum dipakai")));
		change(user, "Password123")
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "password.common"));
		change(user, "1234567890")
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "password.common"));
	}

	@Test
	void thePolicyUsesTheTopTenThousandOfTheRankedDictionary() {
		assertThat(PasswordPolicy.isCommon("password")).isTrue();
		assertThat(PasswordPolicy.isCommon("qwertyuiop")).isTrue();
		assertThat(PasswordPolicy.isCommon("password1234")).as("rank 31873").isFalse();
		assertThat(PasswordPolicy.violation("siapa", "kopi-muncar-2026")).isEmpty();
	}

	@Test
	void aPasswordOfOneRepeatedCharacterIsRefused() throws Exception {
		change(user("aturan.ulang"), "zzzzzzzzzzzz").andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "password.repeated"))
			.andExpect(content().string(containsString("tidak boleh hanya satu karakter yang diulang")));
		assertThat(PasswordPolicy.violation("siapa", "😀😀😀😀😀😀😀😀😀😀")).hasValue("password.repeated");
	}

	@Test
	void aNewPasswordOverSeventyTwoBytesIsRefused() throws Exception {
		String tooLong = "kata-sandi-" + "é".repeat(31); // 42 characters, 73 bytes in
															// UTF-8
		change(user("aturan.panjang"), tooLong).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "password.tooLong"))
			.andExpect(content().string(containsString("paling banyak 72 byte")));
		assertThat(PasswordPolicy.violation("siapa", "kata-sandi-" + "x".repeat(61))).as("72 bytes").isEmpty();
	}

	private Cookie user(String username) throws Exception {
		this.administration.createIfAbsent(username, "Uji Aturan", PASSWORD, Role.PIMPINAN, null, null);
		return Logins.login(this.mvc, username, PASSWORD);
	}

	private ResultActions change(Cookie user, String newPassword) throws Exception {
		return this.mvc.perform(post("/akun/kata-sandi").cookie(user)
			.with(csrf())
			.param("currentPassword", PASSWORD)
			.param("newPassword", newPassword)
			.param("confirmPassword", newPassword));
	}

}
