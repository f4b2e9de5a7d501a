package id.ugdkemiskinan.cases.resident;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Cases filed and moved on through the staff's pages, and the resident's way in. */
class ResidentTestSupport {

	/** The words that must never reach the status page. */
	static final String REPORTER = "Pak Wiryo Pelapor";

	static final String ADDRESS = "Dusun Krajan, Jl. Pelabuhan 12";

	static final String KK = "3510051203809999";

	static final String PHONE_SHOWN = "0812-3456-7890";

	static final String PHONE_STORED = "+6281234567890";

	static final String REPORTER_PHONE = "081298765432";

	private static final AtomicInteger SOURCES = new AtomicInteger(1);

	final MockMvc mvc;

	final JdbcClient jdbc;

	final MutableClock clock;

	ResidentTestSupport(MockMvc mvc, JdbcClient jdbc, MutableClock clock) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A client address of its own, so that tests do not slow each other down. */
	static RequestPostProcessor freshSource() {
		String address = "10.7." + (SOURCES.get() / 250) + "." + (SOURCES.getAndIncrement() % 250 + 1);
		return from(address);
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** A case filed by the Muncar UPT with a reporter, a KK and a phone; its ticket. */
	String fileCase(String nik, String... categories) throws Exception {
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		MvcResult result = this.mvc
			.perform(
					CaseData
						.form(nik,
								Map.of("confirmDuplicate", "true", "kk", KK, "reporterName", REPORTER, "reporterPhone",
										REPORTER_PHONE, "reporterRelation", "Ketua RT"),
								categories)
						.cookie(upt)
						.with(csrf()))
			.andReturn();
		String url = result.getResponse().getRedirectedUrl();
		assertThat(url).as("filed").startsWith("/kasus/UGD-");
		return url.substring("/kasus/".length());
	}

	String accessCode(String ticket) {
		return this.jdbc.sql("SELECT access_code FROM case_file WHERE ticket = :t")
			.param("t", ticket)
			.query(String.class)
			.single();
	}

	long assignmentId(String ticket, String dinas) {
		return this.jdbc.sql("""
				SELECT max(a.id) FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE c.ticket = :t AND a.dinas_code = :d""")
			.param("t", ticket)
			.param("d", dinas)
			.query(Long.class)
			.single();
	}

	/** A staff action through its page; asserts that it was not refused. */
	void act(String username, String path, Map<String, String> params, Object... vars) throws Exception {
		var request = post(path, vars).cookie(Logins.login(this.mvc, username)).with(csrf());
		params.forEach(request::param);
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getFlashMap().get("actionError")).as("refused: %s", result.getFlashMap()).isNull();
		assertThat(result.getResponse().getStatus()).as("status of " + path).isEqualTo(302);
	}

	void respond(String ticket, String dinas, String username) throws Exception {
		act(username, "/penugasan/{id}/respon",
				Map.of("note", "Catatan rahasia petugas: kunjungan rumah hari ini juga."), assignmentId(ticket, dinas));
	}

	void resolve(String ticket, String dinas, String username, String intervention) throws Exception {
		act(username, "/penugasan/{id}/selesai",
				Map.of("intervention", intervention, "note", "Catatan rahasia petugas: bantuan diantar."),
				assignmentId(ticket, dinas));
	}

	/** Types the code as residents do (lower case, a space); the session cookie. */
	Cookie unlock(String ticket) throws Exception {
		String code = accessCode(ticket);
		String typed = " " + code.substring(0, 5).toLowerCase() + " - " + code.substring(5) + " ";
		MvcResult result = this.mvc
			.perform(post("/cek").param("ticket", " " + ticket.toLowerCase() + " ")
				.param("code", typed)
				.with(freshSource())
				.with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cek/" + ticket + "/status");
		Cookie session = result.getResponse().getCookie(Logins.SESSION_COOKIE);
		assertThat(session).as("a session remembers the unlocked ticket").isNotNull();
		return session;
	}

	String statusPage(String ticket, Cookie session) throws Exception {
		MvcResult result = this.mvc.perform(get("/cek/{t}/status", ticket).cookie(session)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	String caseStatus(String ticket) {
		return this.jdbc.sql("SELECT status FROM case_file WHERE ticket = :t")
			.param("t", ticket)
			.query(String.class)
			.single();
	}

	List<String> timeline(String ticket) {
		return this.jdbc.sql("""
				SELECT e.type || coalesce(':' || e.dinas_code, '') || coalesce(':' || e.actor_role, '')
				FROM case_event e JOIN case_file c ON c.id = e.case_id
				WHERE c.ticket = :t ORDER BY e.occurred_at, e.id""").param("t", ticket).query(String.class).list();
	}

	List<String> staffNames() {
		return this.jdbc
			.sql("SELECT full_name FROM app_user WHERE username IN "
					+ "('upt.muncar', 'dinkes', 'dindik', 'dinsos', 'bpmd', 'sekretariat')")
			.query(String.class)
			.list();
	}

}
