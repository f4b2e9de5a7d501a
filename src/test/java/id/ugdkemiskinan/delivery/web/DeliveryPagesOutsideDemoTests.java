package id.ugdkemiskinan.delivery.web;

import id.ugdkemiskinan.common.DemoMode;
import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.channel.Channel;
import id.ugdkemiskinan.delivery.channel.OutgoingMessage;
import id.ugdkemiskinan.delivery.channel.SendResult;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.users.Role;
import id.ugdkemiskinan.users.account.UserAdministration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Outside demo mode, with email configured and the other channels not: on is on (with
 * where it sends), off is off, and nothing goes to the Kotak keluar.
 */
@IntegrationTest
@Import(DeliveryPagesOutsideDemoTests.ConfiguredEmail.class)
@TestPropertySource(properties = { "ugd.demo.enabled=false", "ugd.test.database=nodemo_delivery" })
class DeliveryPagesOutsideDemoTests {

	static final String PASSWORD = "kopi-muncar-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration users;

	@Autowired
	DemoMode demo;

	@BeforeEach
	void accounts() {
		this.users.createIfAbsent("admin.uji", "Admin Uji", PASSWORD, Role.ADMIN, null, null);
		this.users.createIfAbsent("pimpinan.uji", "Pimpinan Uji", PASSWORD, Role.PIMPINAN, null, null);
	}

	@Test
	void theChannelsPageShowsWhatIsOnAndWhatIsOff() throws Exception {
		assertThat(this.demo.enabled()).isFalse();
		String page = body("admin.uji", "/admin/pengiriman");
		assertThat(page)
			.contains("Menyala", "smtp.uji.test:587 dari ugd@uji.test", "Tidak dikonfigurasi.", "UGD_WHATSAPP_TOKEN",
					"UGD_WEBHOOK_URL")
			.doesNotContain("SPRING_MAIL_HOST", "ke Kotak keluar", "MODE DEMO");
		assertThat(page).as("the Kotak keluar is in the admin's navigation in demo mode only")
			.doesNotContain("class=\"nav-link\" href=\"/admin/pengiriman/kotak-keluar\"");
	}

	@Test
	void theOutboxSaysItIsForTheDemo() throws Exception {
		assertThat(body("admin.uji", "/admin/pengiriman/kotak-keluar"))
			.contains("Kotak keluar hanya dipakai dalam mode demo", "Kotak keluar kosong.");
	}

	@Test
	void aPersonIsToldWhichChannelIsNotOnAndThatNoContactIsSet() throws Exception {
		String page = body("pimpinan.uji", "/akun/notifikasi");
		assertThat(page)
			.contains("WhatsApp belum dinyalakan di server", "belum diisi — minta admin mengisinya", "Eskalasi",
					"Ringkasan harian")
			.doesNotContain("Email belum dinyalakan", "Mode demo");
	}

	private String body(String username, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(Logins.login(this.mvc, username, PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ConfiguredEmail {

		@Bean
		Channel configuredEmail() {
			return new Channel() {

				@Override
				public ChannelType type() {
					return ChannelType.EMAIL;
				}

				@Override
				public boolean configured() {
					return true;
				}

				@Override
				public String describe() {
					return "smtp.uji.test:587 dari ugd@uji.test";
				}

				@Override
				public SendResult send(OutgoingMessage message) {
					return new SendResult.Sent(null, "", "");
				}

			};
		}

	}

}
