package id.ugdkemiskinan.users;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.common.PhoneNumbers;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.users.admin.DemoAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The contacts of accounts: set by the admin, checked, stored normalised; demo contacts.
 */
@IntegrationTest
class AccountContactTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoAccounts demoAccounts;

	Cookie admin;

	@BeforeEach
	void logInAsAdmin() throws Exception {
		this.admin = Logins.login(this.mvc, "admin");
	}

	@Test
	void aNewUsersContactsAreStoredNormalisedAndListed() throws Exception {
		String username = unique("kontak");
		this.mvc
			.perform(post("/admin/pengguna").cookie(this.admin)
				.with(csrf())
				.param("username", username)
				.param("fullName", "Kontak Baru")
				.param("role", "ADMIN")
				.param("email", "  Kontak.Baru@banyuwangikab.go.id ")
				.param("phone", "0812-3456 7890"))
			.andExpect(redirectedUrl("/admin/pengguna"));
		assertThat(contacts(username)).isEqualTo("Kontak.Baru@banyuwangikab.go.id|+6281234567890");
		this.mvc.perform(get("/admin/pengguna").param("page", "0").cookie(this.admin))
			// The address may break after its @ (<wbr>).
			.andExpect(content().string(containsString("Kontak.Baru</span>@<wbr><span>banyuwangikab.go.id")))
			.andExpect(content().string(containsString("+6281234567890")));
	}

	@Test
	void emptyContactsAreNoContacts() throws Exception {
		String username = unique("tanpa");
		this.mvc
			.perform(post("/admin/pengguna").cookie(this.admin)
				.with(csrf())
				.param("username", username)
				.param("fullName", "Tanpa Kontak")
				.param("role", "SEKRETARIAT")
				.param("email", " ")
				.param("phone", ""))
			.andExpect(redirectedUrl("/admin/pengguna"));
		assertThat(contacts(username)).isEqualTo("null|null");
	}

	@Test
	void aBadEmailOrNumberIsAFieldErrorInBahasaIndonesia() throws Exception {
		String username = unique("salah");
		this.mvc
			.perform(post("/admin/pengguna").cookie(this.admin)
				.with(csrf())
				.param("username", username)
				.param("fullName", "Email Salah")
				.param("role", "PIMPINAN")
				.param("email", "siti@")
				.param("phone", "0812 3456 7890"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "user.email.invalid"))
			.andExpect(content().string(containsString("Alamat email tidak valid")))
			.andExpect(content().string(containsString("value=\"siti@\"")));
		this.mvc
			.perform(post("/admin/pengguna").cookie(this.admin)
				.with(csrf())
				.param("username", username)
				.param("fullName", "Nomor Salah")
				.param("role", "PIMPINAN")
				.param("phone", "12345"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "phone", "user.phone.invalid"))
			.andExpect(content().string(containsString("Nomor HP tidak valid")));
		this.mvc
			.perform(post("/admin/pengguna").cookie(this.admin)
				.with(csrf())
				.param("username", username)
				.param("fullName", "Nomor Kantor")
				.param("role", "PIMPINAN")
				.param("phone", "(0333) 421234"))
			.andExpect(model().attributeHasFieldErrorCode("form", "phone", "user.phone.invalid"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theAdminChangesAndRemovesAnAccountsContacts() throws Exception {
		String username = unique("ubah");
		this.mvc.perform(post("/admin/pengguna").cookie(this.admin)
			.with(csrf())
			.param("username", username)
			.param("fullName", "Ubah Kontak")
			.param("role", "PIMPINAN"));
		long id = userId(username);

		this.mvc.perform(get("/admin/pengguna/{id}/kontak", id).cookie(this.admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(username)));
		this.mvc
			.perform(post("/admin/pengguna/{id}/kontak", id).cookie(this.admin)
				.with(csrf())
				.param("email", "ubah@ugd.test")
				.param("phone", "+62 813-1111-2222"))
			.andExpect(redirectedUrl("/admin/pengguna"));
		assertThat(contacts(username)).isEqualTo("ubah@ugd.test|+6281311112222");

		this.mvc
			.perform(post("/admin/pengguna/{id}/kontak", id).cookie(this.admin)
				.with(csrf())
				.param("email", "ubah at ugd")
				.param("phone", "0812"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "user.email.invalid"))
			.andExpect(model().attributeHasFieldErrorCode("form", "phone", "user.phone.invalid"));
		assertThat(contacts(username)).as("nothing changes on an error").isEqualTo("ubah@ugd.test|+6281311112222");

		this.mvc
			.perform(post("/admin/pengguna/{id}/kontak", id).cookie(this.admin)
				.with(csrf())
				.param("email", "")
				.param("phone", "6281311112222"))
			.andExpect(redirectedUrl("/admin/pengguna"));
		assertThat(contacts(username)).isEqualTo("null|+6281311112222");

		this.mvc.perform(get("/admin/pengguna/{id}/kontak", 999_999_999L).cookie(this.admin))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/admin/pengguna/{id}/kontak", id).cookie(Logins.login(this.mvc, "sekretariat"))
				.with(csrf())
				.param("email", "x@ugd.test"))
			.andExpect(status().isForbidden());
	}

	@Test
	void demoAccountsCarryDemoContactsAndGetThemBackAtStartWhenTheyHaveNone() throws Exception {
		assertThat(contacts("admin")).isEqualTo("admin@ugd.test|+6281200000001");
		assertThat(contacts("sekretariat")).isEqualTo("sekretariat@ugd.test|+6281200000002");
		assertThat(contacts("bpmd")).isEqualTo("bpmd@ugd.test|+6281200000007");
		assertThat(PhoneNumbers.normalizeMobile("0812 0000 0009")).hasValue("+6281200000009");

		this.jdbc.sql("UPDATE app_user SET email = NULL, phone = NULL WHERE username = 'pimpinan'").update();
		this.jdbc.sql("UPDATE app_user SET email = 'dinsos.kantor@ugd.test' WHERE username = 'dinsos'").update();
		try {
			this.demoAccounts.run(null);
			assertThat(contacts("pimpinan")).isEqualTo("pimpinan@ugd.test|+6281200000003");
			assertThat(contacts("dinsos")).as("an account with a contact keeps it")
				.isEqualTo("dinsos.kantor@ugd.test|+6281200000004");
		}
		finally {
			this.jdbc.sql(
					"UPDATE app_user SET email = 'dinsos@ugd.test', phone = '+6281200000004' WHERE username = 'dinsos'")
				.update();
		}
	}

	private String contacts(String username) {
		return this.jdbc
			.sql("SELECT coalesce(email, 'null') || '|' || coalesce(phone, 'null') FROM app_user WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

	private long userId(String username) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	private static String unique(String prefix) {
		return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
	}

}
