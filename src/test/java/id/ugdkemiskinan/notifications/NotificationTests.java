package id.ugdkemiskinan.notifications;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class NotificationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewAssignmentRingsTheDinasBellOnceAndCanBeMarkedRead() throws Exception {
		String location = this.mvc.perform(
				CaseData.form(CaseData.nik(), "PENDIDIKAN").cookie(Logins.login(this.mvc, "upt.muncar")).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String ticket = location.substring("/kasus/".length());
		long id = this.jdbc.sql("""
				SELECT n.id FROM notification n JOIN case_file c ON c.id = n.case_id JOIN app_user u ON u.id = n.user_id
				WHERE c.ticket = :t AND u.username = 'dindik' AND n.kind = 'ROUTED'""")
			.param("t", ticket)
			.query(Long.class)
			.single();
		Cookie dindik = Logins.login(this.mvc, "dindik");

		String page = this.mvc.perform(get("/notifikasi").cookie(dindik))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Penugasan baru untuk DINDIK", ticket);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM notification n JOIN case_file c ON c.id = n.case_id WHERE c.ticket = :t")
			.param("t", ticket)
			.query(Long.class)
			.single()).as("only DINDIK staff are told").isEqualTo(1);

		this.mvc.perform(post("/notifikasi/{id}/dibaca", id).cookie(Logins.login(this.mvc, "dinkes")).with(csrf()))
			.andExpect(redirectedUrl("/notifikasi"));
		assertThat(isRead(id)).as("someone else's notification stays unread").isFalse();
		this.mvc.perform(post("/notifikasi/{id}/dibaca", id).cookie(dindik).with(csrf()))
			.andExpect(redirectedUrl("/notifikasi"));
		assertThat(isRead(id)).isTrue();
		this.mvc.perform(get("/notifikasi").cookie(Logins.login(this.mvc, "admin"))).andExpect(status().isForbidden());
	}

	@Test
	void theUptIsToldWhenEveryAssignmentHasEndedAndListsTheCaseOnItsHomePage() throws Exception {
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		String ticket = file(upt, "PENDIDIKAN");
		long task = this.jdbc
			.sql("SELECT a.id FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t")
			.param("t", ticket)
			.query(Long.class)
			.single();
		assertThat(kindsFor(ticket, "upt.muncar")).as("nothing while the dinas works").isEmpty();

		this.mvc
			.perform(post("/penugasan/{id}/selesai", task).param("intervention", "KEMBALI_SEKOLAH")
				.param("note", "Anak sudah kembali bersekolah di SMP negeri terdekat.")
				.cookie(Logins.login(this.mvc, "dindik"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(kindsFor(ticket, "upt.muncar")).containsExactly("AWAITING_CONFIRMATION");
		assertThat(kindsFor(ticket, "upt.genteng")).as("another kecamatan's UPT hears nothing").isEmpty();
		assertThat(this.mvc.perform(get("/notifikasi").cookie(upt)).andReturn().getResponse().getContentAsString())
			.contains("hubungi warga dan tutup kasus", ticket);
		String home = this.mvc.perform(get("/kasus").cookie(upt))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(awaitingSection(home)).contains("Menunggu konfirmasi warga", ticket);
		assertThat(this.mvc.perform(get("/kasus").cookie(Logins.login(this.mvc, "upt.genteng")))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(ticket);

		this.mvc
			.perform(post("/kasus/{t}/tutup", ticket).param("note", "Ibu mengonfirmasi anaknya sudah sekolah.")
				.cookie(upt)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(awaitingSection(
				this.mvc.perform(get("/kasus").cookie(upt)).andReturn().getResponse().getContentAsString()))
			.as("a closed case no longer waits")
			.doesNotContain(ticket);
	}

	@Test
	void theUptIsToldWhenTheSecretariatRejectsACase() throws Exception {
		String ticket = file(Logins.login(this.mvc, "upt.muncar"), "KESEHATAN");
		this.mvc
			.perform(post("/kasus/{t}/tolak", ticket).param("reason", "Di luar kewenangan UGD Kemiskinan.")
				.cookie(Logins.login(this.mvc, "sekretariat"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(kindsFor(ticket, "upt.muncar")).containsExactly("CASE_REJECTED");
	}

	private static String awaitingSection(String page) {
		int start = page.indexOf("awaiting-confirmation");
		return start < 0 ? "" : page.substring(start, page.indexOf("</section>", start));
	}

	private String file(Cookie upt, String category) throws Exception {
		String location = this.mvc.perform(CaseData.form(CaseData.nik(), category).cookie(upt).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return location.substring("/kasus/".length());
	}

	private java.util.List<String> kindsFor(String ticket, String username) {
		return this.jdbc
			.sql("""
					SELECT n.kind FROM notification n JOIN case_file c ON c.id = n.case_id JOIN app_user u ON u.id = n.user_id
					WHERE c.ticket = :t AND u.username = :u ORDER BY n.id""")
			.param("t", ticket)
			.param("u", username)
			.query(String.class)
			.list();
	}

	private boolean isRead(long id) {
		return this.jdbc.sql("SELECT read_at IS NOT NULL FROM notification WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

}
