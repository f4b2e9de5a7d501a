package id.ugdkemiskinan.dashboard;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The residents' answers on the dashboard, from a data set counted by hand (October
 * 2026): <pre>
 * 12 cases in Muncar resolved by DINSOS: 9 "Sudah" (ratings 5 5 4 4 4 3 5 4 2), 3 "Belum"
 *  3 cases in Genteng resolved by DINKES (after the secretariat's triage): 3 "Sudah" (5 5 5)
 *  1 case in Muncar resolved by DINSOS answered "Sudah" in November: outside the period
 * </pre> In all 15 answers, 12 "Sudah" (80 %), 3 reopened, mean rating (36 + 15) / 12 =
 * 4.25. DINSOS (12 answers) is ranked: 75 %, mean 4.0; DINKES (3) and Genteng (3) are not
 * ranked (fewer than 10): their share and mean are withheld. The secretariat is never a
 * dinas of its own here.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=satisfaction")
class DashboardSatisfactionTests {

	static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");

	static final String OCTOBER = "from=2026-10-01&to=2026-10-31";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void answers() {
		this.clock.set(NOW);
		if (this.jdbc.sql("SELECT count(*) FROM case_file WHERE ticket LIKE 'UGD-SF-%'")
			.query(Long.class)
			.single() > 0) {
			return;
		}
		int[] dinsosRatings = { 5, 5, 4, 4, 4, 3, 5, 4, 2 };
		for (int i = 0; i < 12; i++) {
			long id = kase("UGD-SF-1" + i, "35.10.05", "35.10.05.2001", "DINSOS", false, "2026-10-0" + (1 + i % 9));
			feedback(id, i < 9 ? "SUDAH" : "BELUM", i < 9 ? dinsosRatings[i] : null, "2026-10-15T03:00:00Z");
		}
		for (int i = 0; i < 3; i++) {
			long id = kase("UGD-SF-2" + i, "35.10.09", "35.10.09.2001", "DINKES", true, "2026-10-02");
			feedback(id, "SUDAH", 5, "2026-10-20T03:00:00Z");
		}
		long late = kase("UGD-SF-30", "35.10.05", "35.10.05.2001", "DINSOS", false, "2026-10-03");
		feedback(late, "SUDAH", 1, "2026-11-02T03:00:00Z");
	}

	@Test
	void theApiGivesTheSharesAndWithholdsThemBelowTheMinimum() throws Exception {
		this.mvc.perform(get("/api/v1/dashboard?" + OCTOBER).with(httpBasic("sekretariat", Logins.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.satisfaction.minAnswers").value(10))
			.andExpect(jsonPath("$.satisfaction.all.answers").value(15))
			.andExpect(jsonPath("$.satisfaction.all.resolved").value(12))
			.andExpect(jsonPath("$.satisfaction.all.reopened").value(3))
			.andExpect(jsonPath("$.satisfaction.all.resolvedShare").value(closeTo(0.8, 1e-9)))
			.andExpect(jsonPath("$.satisfaction.all.meanRating").value(closeTo(51.0 / 12, 1e-9)))
			.andExpect(jsonPath("$.satisfaction.byDinas", hasSize(2)))
			.andExpect(jsonPath("$.satisfaction.byDinas[0].code").value("DINSOS"))
			.andExpect(jsonPath("$.satisfaction.byDinas[0].ranked").value(true))
			.andExpect(jsonPath("$.satisfaction.byDinas[0].resolvedShare").value(closeTo(0.75, 1e-9)))
			.andExpect(jsonPath("$.satisfaction.byDinas[0].meanRating").value(closeTo(4.0, 1e-9)))
			.andExpect(jsonPath("$.satisfaction.byDinas[0].reopened").value(3))
			.andExpect(jsonPath("$.satisfaction.byDinas[1].code").value("DINKES"))
			.andExpect(jsonPath("$.satisfaction.byDinas[1].ranked").value(false))
			.andExpect(jsonPath("$.satisfaction.byDinas[1].answers").value(3))
			.andExpect(jsonPath("$.satisfaction.byDinas[1].resolvedShare").value(nullValue()))
			.andExpect(jsonPath("$.satisfaction.byDinas[1].meanRating").value(nullValue()))
			.andExpect(jsonPath("$.satisfaction.byKecamatan", hasSize(2)))
			.andExpect(jsonPath("$.satisfaction.byKecamatan[0].code").value("35.10.05"))
			.andExpect(jsonPath("$.satisfaction.byKecamatan[0].answers").value(12))
			.andExpect(jsonPath("$.satisfaction.byKecamatan[1].code").value("35.10.09"))
			.andExpect(jsonPath("$.satisfaction.byKecamatan[1].resolvedShare").value(nullValue()));
	}

	@Test
	void theFiltersAndTheUsersScopeApply() throws Exception {
		this.mvc
			.perform(get("/api/v1/dashboard?" + OCTOBER + "&dinas=DINKES")
				.with(httpBasic("sekretariat", Logins.DEMO_PASSWORD)))
			.andExpect(jsonPath("$.satisfaction.all.answers").value(3))
			.andExpect(jsonPath("$.satisfaction.byDinas", hasSize(1)));
		this.mvc.perform(get("/api/v1/dashboard?" + OCTOBER).with(httpBasic("upt.genteng", Logins.DEMO_PASSWORD)))
			.andExpect(jsonPath("$.satisfaction.all.answers").value(3))
			.andExpect(jsonPath("$.satisfaction.all.reopened").value(0));
		this.mvc
			.perform(get("/api/v1/dashboard?from=2026-11-01&to=2026-11-20")
				.with(httpBasic("sekretariat", Logins.DEMO_PASSWORD)))
			.andExpect(jsonPath("$.satisfaction.all.answers").value(1));
	}

	@Test
	void thePageShowsSatisfactionBesideCompliance() throws Exception {
		Cookie session = Logins.login(this.mvc, "pimpinan");
		String html = this.mvc.perform(get("/dasbor?" + OCTOBER).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Kepuasan warga", "80,0 %", "4,3", "Dibuka kembali oleh warga",
				"terlalu sedikit jawaban untuk diperingkat", "75,0 %");
		String refresh = this.mvc.perform(get("/dasbor?" + OCTOBER).header("HX-Request", "true").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refresh).startsWith("<div id=\"dashboard-body\"").contains("Kepuasan warga", "80,0 %");
		String empty = this.mvc.perform(get("/dasbor?from=2026-09-01&to=2026-09-30").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(empty).contains("Belum ada jawaban warga pada periode ini.");
	}

	private long kase(String ticket, String kecamatan, String desa, String dinas, boolean triaged, String day) {
		Instant filed = Instant.parse(day + "T01:00:00Z");
		long id = this.jdbc.sql("""
				INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
				    beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by, resolved_at)
				VALUES (:ticket, 'ABCDEFGHJK', 'SELESAI', 'NORMAL', :kecamatan, :desa, 'Alamat', 'Warga', 'Uji',
				    'LANGSUNG', 'Kepuasan', :filed, (SELECT id FROM app_user WHERE username = 'sekretariat'), :resolved)
				RETURNING id""")
			.param("ticket", ticket)
			.param("kecamatan", kecamatan)
			.param("desa", desa)
			.param("filed", Timestamp.from(filed))
			.param("resolved", Timestamp.from(filed.plusSeconds(5 * 3600)))
			.query(Long.class)
			.single();
		if (triaged) {
			assignment(id, "KESRA", filed, filed.plusSeconds(600));
		}
		assignment(id, dinas, filed.plusSeconds(600), filed.plusSeconds(5 * 3600));
		return id;
	}

	private void assignment(long caseId, String dinas, Instant assigned, Instant closed) {
		this.jdbc
			.sql("""
					INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at)
					VALUES (:c, :dinas, 'SELESAI', :assigned, :due, :atRisk, :responded, :closed)""")
			.param("c", caseId)
			.param("dinas", dinas)
			.param("assigned", Timestamp.from(assigned))
			.param("due", Timestamp.from(assigned.plusSeconds(4 * 3600)))
			.param("atRisk", Timestamp.from(assigned.plusSeconds(3 * 3600)))
			.param("responded", Timestamp.from(assigned.plusSeconds(300)))
			.param("closed", Timestamp.from(closed))
			.update();
	}

	private void feedback(long caseId, String answer, Integer rating, String answeredAt) {
		this.jdbc.sql("""
				INSERT INTO resident_feedback (case_id, round_resolved_at, answer, rating, comment, via, answered_at)
				SELECT id, resolved_at, :answer, :rating, :comment, 'STATUS_PAGE', :at FROM case_file WHERE id = :c""")
			.param("c", caseId)
			.param("answer", answer)
			.param("rating", rating)
			.param("comment", "BELUM".equals(answer) ? "Bantuan belum datang" : null)
			.param("at", Timestamp.from(Instant.parse(answeredAt)))
			.update();
	}

}
