package id.ugdkemiskinan.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every list that can grow pages, with a total: the dinas queue, the triage queue, the
 * case list, the dinas history, the notifications and the API lists; unreadable page,
 * size and filter values are 400 with the reason in Bahasa Indonesia. On a database of
 * its own, filled in SQL, so that its counts are exact.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_paging")
class PagingTests {

	private static final Pattern TICKET_LINK = Pattern.compile("href=\"/kasus/(UGD-[0-9]{2}-[0-9]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void sixtyOpenBpmdCasesAndTwentyResolvedOnes() {
		if (this.jdbc.sql("SELECT count(*) FROM case_file WHERE ticket LIKE 'UGD-70-%'")
			.query(Long.class)
			.single() > 0) {
			return;
		}
		// Filed over the last days by upt.muncar; one BPMD assignment each, 60 open
		// (waiting) and 20 resolved.
		this.jdbc
			.sql("""
					WITH cases AS (
					    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
					        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
					    SELECT 'UGD-70-' || lpad(g::text, 6, '0'), 'ABCDEF', CASE WHEN g <= 60 THEN 'TERBUKA' ELSE 'SELESAI' END,
					        'NORMAL', '35.10.05', '35.10.05.2002', 'Alamat', 'Warga Halaman ' || g, 'Uji', 'LANGSUNG', 'Uji',
					        now() - g * interval '1 hour', (SELECT id FROM app_user WHERE username = 'upt.muncar')
					    FROM generate_series(1, 80) g
					    RETURNING id, status, filed_at)
					INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at)
					SELECT id, 'BPMD', CASE WHEN status = 'TERBUKA' THEN 'MENUNGGU_RESPON' ELSE 'SELESAI' END,
					    filed_at, filed_at + interval '4 hours', filed_at + interval '3 hours',
					    CASE WHEN status = 'TERBUKA' THEN NULL ELSE filed_at + interval '1 hour' END,
					    CASE WHEN status = 'TERBUKA' THEN NULL ELSE filed_at + interval '2 hours' END
					FROM cases""")
			.update();
		this.jdbc.sql("""
				INSERT INTO case_category (case_id, category_code)
				SELECT id, 'BANTUAN_SOSIAL' FROM case_file WHERE ticket LIKE 'UGD-70-%'""").update();
		this.jdbc.sql("""
				INSERT INTO case_event (case_id, assignment_id, type, dinas_code, occurred_at, actor_name)
				SELECT a.case_id, a.id, 'ROUTED', 'BPMD', a.assigned_at, 'Uji' FROM assignment a
				JOIN case_file c ON c.id = a.case_id WHERE c.ticket LIKE 'UGD-70-%'""").update();
		this.jdbc
			.sql("""
					INSERT INTO notification (user_id, event_id, case_id, kind, ticket, dinas_code, occurred_at, created_at)
					SELECT (SELECT id FROM app_user WHERE username = 'bpmd'), e.id, e.case_id, 'ROUTED', c.ticket, e.dinas_code,
					    e.occurred_at, e.occurred_at
					FROM case_event e JOIN case_file c ON c.id = e.case_id WHERE c.ticket LIKE 'UGD-70-%'""")
			.update();
	}

	@Test
	void theDinasQueueShowsFiftyAPageAndPageTwoTheRest() throws Exception {
		String first = page("/antrian", "bpmd");
		String second = page("/antrian?page=1", "bpmd");
		List<String> one = tickets(first);
		List<String> two = tickets(second);
		assertThat(one).hasSize(50);
		assertThat(two).hasSize(10).doesNotContainAnyElementsOf(one);
		assertThat(first).contains("Menampilkan 1–50 dari 60", "Berikutnya", "href=\"/antrian?page=1\"");
		assertThat(second).contains("Menampilkan 51–60 dari 60", "Sebelumnya", "href=\"/antrian?page=0\"");
		// Filters stay in the pager's links.
		assertThat(page("/antrian?state=BREACHED", "bpmd")).contains("href=\"/antrian?state=BREACHED&amp;page=1\"");
	}

	@Test
	void aPageBeyondTheEndIsEmptyAndSaysSo() throws Exception {
		assertThat(page("/antrian?page=5", "bpmd")).contains("Halaman 6 tidak berisi apa pun; seluruhnya 60 baris")
			.doesNotContain("href=\"/kasus/UGD-70-");
	}

	@Test
	void theCaseListPagesWithATotal() throws Exception {
		String first = page("/kasus?q=Halaman", "sekretariat");
		String second = page("/kasus?q=Halaman&page=1", "sekretariat");
		assertThat(tickets(first)).hasSize(25);
		assertThat(tickets(second)).hasSize(25).doesNotContainAnyElementsOf(tickets(first));
		assertThat(first).contains("Menampilkan 1–25 dari 80");
		assertThat(page("/kasus?q=Halaman&page=3", "sekretariat")).contains("Menampilkan 76–80 dari 80");
	}

	@Test
	void aSearchWithMoreThan10000MatchesCountsToTheCapAndStillPages() throws Exception {
		if (this.jdbc.sql("SELECT count(*) FROM case_file WHERE ticket LIKE 'UGD-71-%'")
			.query(Long.class)
			.single() == 0) {
			this.jdbc
				.sql("""
						INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
						    beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by, closed_at)
						SELECT 'UGD-71-' || lpad(g::text, 6, '0'), 'ABCDEF', 'DITUTUP', 'NORMAL', '35.10.05', '35.10.05.2002',
						    'Alamat', 'Warga Banyaksekali ' || g, 'Uji', 'LANGSUNG', 'Uji', now() - interval '30 days' - g * interval '1 minute',
						    (SELECT id FROM app_user WHERE username = 'upt.muncar'), now()
						FROM generate_series(1, 10050) g""")
				.update();
			this.jdbc.sql("""
					INSERT INTO case_category (case_id, category_code)
					SELECT id, 'LAINNYA' FROM case_file WHERE ticket LIKE 'UGD-71-%'""").update();
			this.jdbc.sql("ANALYZE case_file").update();
		}
		String first = page("/kasus?q=banyaksekali", "sekretariat");
		String second = page("/kasus?q=banyaksekali&page=1", "sekretariat");
		assertThat(first).contains("Menampilkan 1–25 dari lebih dari 10.000", "UGD-71-000001");
		assertThat(tickets(second)).hasSize(25).doesNotContainAnyElementsOf(tickets(first)).contains("UGD-71-000026");
		this.mvc.perform(get("/api/v1/cases?q=banyaksekali").with(httpBasic("sekretariat", "banyuwangi")))
			.andExpect(jsonPath("$.total").value(10000))
			.andExpect(jsonPath("$.totalExact").value(false))
			.andExpect(jsonPath("$.hasNext").value(true));
	}

	@Test
	void theDinasHistoryHoldsOpenAndResolvedAssignmentsAndPages() throws Exception {
		String first = page("/antrian/riwayat", "bpmd");
		assertThat(first).contains("Menampilkan 1–25 dari 80", "Menunggu respon");
		assertThat(tickets(page("/antrian/riwayat?page=1", "bpmd"))).hasSize(25)
			.doesNotContainAnyElementsOf(tickets(first));
		assertThat(page("/antrian/riwayat?status=SELESAI", "bpmd")).contains("Menampilkan 1–20 dari 20");
		assertThat(page("/antrian/riwayat?status=MENUNGGU_RESPON", "bpmd")).contains("dari 60");
		assertThat(page("/antrian/riwayat?q=Halaman 7", "bpmd")).contains("UGD-70-000007", "UGD-70-000070")
			.doesNotContain("UGD-70-000008");
		assertThat(page("/antrian/riwayat", "dinkes")).doesNotContain("UGD-70-");
	}

	@Test
	void theHistoryIsLinkedInTheNavigationOfDinasStaffOnly() throws Exception {
		assertThat(page("/antrian", "bpmd")).contains("href=\"/antrian/riwayat\"");
		assertThat(page("/kasus", "sekretariat")).doesNotContain("href=\"/antrian/riwayat\"");
		this.mvc.perform(get("/antrian/riwayat").cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/antrian/riwayat").cookie(Logins.login(this.mvc, "upt.muncar")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theNotificationsPage() throws Exception {
		String first = page("/notifikasi", "bpmd");
		String second = page("/notifikasi?page=1", "bpmd");
		assertThat(tickets(first)).hasSize(50);
		assertThat(tickets(second)).hasSize(30).doesNotContainAnyElementsOf(tickets(first));
		assertThat(second).contains("Menampilkan 51–80 dari 80");
	}

	@Test
	void theApiListsPageWithTotals() throws Exception {
		this.mvc.perform(get("/api/v1/assignments").with(httpBasic("bpmd", "banyuwangi")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(50))
			.andExpect(jsonPath("$.total").value(60))
			.andExpect(jsonPath("$.hasNext").value(true));
		this.mvc.perform(get("/api/v1/assignments?page=1").with(httpBasic("bpmd", "banyuwangi")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(10))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.hasNext").value(false));
		this.mvc.perform(get("/api/v1/assignments?size=7&page=2").with(httpBasic("bpmd", "banyuwangi")))
			.andExpect(jsonPath("$.items.length()").value(7))
			.andExpect(jsonPath("$.size").value(7));
		this.mvc.perform(get("/api/v1/cases?q=Halaman&size=30&page=2").with(httpBasic("sekretariat", "banyuwangi")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(20))
			.andExpect(jsonPath("$.total").value(80))
			.andExpect(jsonPath("$.totalExact").value(true))
			.andExpect(jsonPath("$.hasNext").value(false));
	}

	@Test
	void unreadablePageAndFilterValuesOnThePagesAre400InBahasaIndonesia() throws Exception {
		badPage("/antrian?page=abc", "bpmd", "Nilai &#39;abc&#39; bukan bilangan bulat");
		badPage("/antrian?page=-1", "bpmd", "Nilai &#39;-1&#39; di luar batas");
		badPage("/antrian?state=FOO", "bpmd", "Nilai &#39;FOO&#39; tidak dikenal");
		badPage("/antrian/riwayat?status=FOO", "bpmd", "tidak dikenal");
		badPage("/antrian/riwayat?page=1.5", "bpmd", "bukan bilangan bulat");
		badPage("/triase?page=x", "sekretariat", "bukan bilangan bulat");
		badPage("/kasus?status=FOO", "sekretariat", "Parameter &#39;status&#39; tidak valid");
		badPage("/kasus?priority=urgent", "sekretariat", "tidak dikenal");
		badPage("/kasus?page=99999999999999", "sekretariat", "di luar batas");
		badPage("/notifikasi?page=abc", "bpmd", "bukan bilangan bulat");
	}

	@Test
	void unreadablePageSizeAndFilterValuesOnTheApiAreProblemDetails() throws Exception {
		badApi("/api/v1/assignments?page=abc", "bpmd", "page");
		badApi("/api/v1/assignments?page=-1", "bpmd", "page");
		badApi("/api/v1/assignments?size=0", "bpmd", "size");
		badApi("/api/v1/assignments?state=FOO", "bpmd", "state");
		badApi("/api/v1/cases?status=FOO", "sekretariat", "status");
		badApi("/api/v1/cases?size=101", "sekretariat", "size");
		badApi("/api/v1/cases?page=abc", "sekretariat", "page");
	}

	private void badPage(String path, String user, String message) throws Exception {
		this.mvc.perform(get(path).cookie(Logins.login(this.mvc, user)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(message)))
			.andExpect(content().string(containsString("Permintaan tidak valid")));
	}

	private void badApi(String path, String user, String field) throws Exception {
		this.mvc.perform(get(path).with(httpBasic(user, "banyuwangi")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value(containsString("tidak valid")))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
	}

	private String page(String path, String user) throws Exception {
		return this.mvc.perform(get(path).cookie(Logins.login(this.mvc, user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The distinct tickets linked from a page, in order. */
	private static List<String> tickets(String html) {
		List<String> tickets = new ArrayList<>();
		Matcher m = TICKET_LINK.matcher(html);
		while (m.find()) {
			if (!tickets.contains(m.group(1))) {
				tickets.add(m.group(1));
			}
		}
		return tickets;
	}

}
