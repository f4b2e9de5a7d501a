package id.ugdkemiskinan.cases.sweep;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.sla.SlaSweeper;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sweep's dry run ({@code /admin/sla/uji-sapu}): it flags exactly what the real sweep
 * then flags, writes nothing, explains each assignment it leaves alone, and reads its
 * {@code pada} and {@code page} strictly. The injected clock is moved, never slept on.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=ugd_dryrun")
class SweepDryRunTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SlaSweeper sweeper;

	@Autowired
	SweepDryRun dryRun;

	@BeforeEach
	void everythingEarlierIsSweptOnTheFourHourClock() {
		// The four-hour promise around the clock for the DARURAT cases these tests file.
		this.jdbc.sql("""
				UPDATE sla_policy SET response_minutes = 240, at_risk_percent = 75,
				    calendar_id = (SELECT id FROM sla_calendar WHERE always_open ORDER BY id LIMIT 1)""").update();
		this.sweeper.sweep();
	}

	@Test
	void theDryRunFlagsExactlyWhatTheSweepThenFlagsAtSeveralInstants() throws Exception {
		Instant start = this.clock.instant();
		List<String> tickets = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			tickets.add(file("KESEHATAN"));
			this.clock.advance(Duration.ofMinutes(47));
		}
		// One responded in between: it leaves the waiting list.
		respond(assignment(tickets.get(1)), "dinkes");
		// An instant before anything is due, at risk, breached, escalated, and catching
		// up after a day down.
		for (Duration since : List.of(Duration.ofHours(4).plusMinutes(50), Duration.ofHours(5).plusMinutes(30),
				Duration.ofHours(7).plusMinutes(40), Duration.ofHours(9).plusMinutes(10), Duration.ofHours(12),
				Duration.ofHours(36))) {
			Instant at = start.plus(since);
			if (at.isBefore(this.clock.instant())) {
				continue;
			}
			this.clock.set(at);
			SweepDryRun.Result dry = this.dryRun.at(at, new Paging(0, 10_000));
			Map<Long, String> before = flags();

			SlaSweeper.Sweep sweep = this.sweeper.sweep();

			Map<Long, String> after = flags();
			assertThat(dry.decisions().stream().filter(SweepDryRun.Decision::flagsAtRisk).map(d -> d.assignmentId()))
				.as("at risk at +%s", since)
				.containsExactlyInAnyOrderElementsOf(newly(before, after, 0));
			assertThat(dry.decisions().stream().filter(SweepDryRun.Decision::flagsBreach).map(d -> d.assignmentId()))
				.as("breached at +%s", since)
				.containsExactlyInAnyOrderElementsOf(newly(before, after, 1));
			assertThat(
					dry.decisions().stream().filter(SweepDryRun.Decision::flagsEscalation).map(d -> d.assignmentId()))
				.as("escalated at +%s", since)
				.containsExactlyInAnyOrderElementsOf(newly(before, after, 2));
			assertThat(new long[] { dry.counts().atRisk(), dry.counts().breached(), dry.counts().escalated() })
				.as("counts at +%s", since)
				.containsExactly(sweep.atRisk(), sweep.breached(), sweep.escalated());
			assertThat(dry.counts().waiting()).isEqualTo(before.size());
		}
	}

	@Test
	void aDryRunAtALaterInstantAgreesWithTheSweepWhenThatInstantComes() throws Exception {
		file("PENDIDIKAN");
		file("BANTUAN_SOSIAL");
		Instant later = this.clock.instant().plus(Duration.ofMinutes(245));
		String pada = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(later.atZone(ZONE));
		Instant minute = LocalDateTime.parse(pada).atZone(ZONE).toInstant();
		String page = page(Map.of("pada", pada), 200);
		SweepDryRun.Counts counts = this.dryRun.at(minute, new Paging(0, 50)).counts();
		assertThat(page).contains("Sapuan pada",
				"Akan ditandai terlambat</span>: <strong>" + counts.breached() + "</strong>");

		this.clock.set(minute);
		SlaSweeper.Sweep sweep = this.sweeper.sweep();
		assertThat(sweep.breached()).isEqualTo(counts.breached()).isGreaterThanOrEqualTo(2);
		assertThat(sweep.atRisk()).isEqualTo(counts.atRisk());
	}

	@Test
	void theDryRunWritesNothing() throws Exception {
		file("KESEHATAN");
		this.clock.advance(Duration.ofHours(9));
		Cookie admin = Logins.login(this.mvc, "admin");
		String before = written();

		this.mvc.perform(get("/admin/sla/uji-sapu").cookie(admin)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/sla/uji-sapu").param("pada", "2099-01-01T00:00").cookie(admin))
			.andExpect(status().isBadRequest());
		this.dryRun.at(this.clock.instant().plus(Duration.ofDays(3)), new Paging(0, 10_000));

		assertThat(written()).isEqualTo(before);
		assertThat(this.dryRun.at(this.clock.instant(), new Paging(0, 10_000)).counts().breached())
			.as("still to be flagged by the real sweep")
			.isPositive();
	}

	@Test
	void eachAssignmentLeftAloneSaysWhy() throws Exception {
		String ticket = file("PENDIDIKAN");
		String fresh = rowOnAnyPage(ticket);
		assertThat(fresh).contains("Tidak ditandai", "belum tiba, berisiko mulai");

		this.clock.advance(Duration.ofHours(3).plusMinutes(10));
		assertThat(rowOnAnyPage(ticket)).contains("Akan ditandai berisiko", "berisiko sejak");
		this.sweeper.sweep();
		assertThat(rowOnAnyPage(ticket)).contains("Tidak ditandai", "sudah ditandai berisiko pada", "belum tiba");

		this.clock.advance(Duration.ofHours(1));
		assertThat(rowOnAnyPage(ticket)).contains("Akan ditandai terlambat", "sudah lewat tanpa respon");
		this.sweeper.sweep();
		assertThat(rowOnAnyPage(ticket)).contains("sudah ditandai terlambat pada",
				"berikutnya peringatan eskalasi level 1 (Pimpinan) pada");

		this.clock.advance(Duration.ofHours(4));
		assertThat(rowOnAnyPage(ticket)).contains("Akan dieskalasi", "peringatan eskalasi level 1 (Pimpinan) sejak");
		this.sweeper.sweep();
		assertThat(rowOnAnyPage(ticket)).contains("dieskalasi sampai level 1", "tidak ada level lagi");
	}

	@Test
	void aDueTimeInWorkingHoursNamesTheCalendarAndWhenItOpens() throws Exception {
		long calendar = this.jdbc.sql("SELECT id FROM sla_calendar WHERE NOT always_open ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		this.jdbc.sql("UPDATE sla_calendar SET name = 'Kantor' WHERE id = :id").param("id", calendar).update();
		this.jdbc.sql("UPDATE sla_policy SET calendar_id = :id WHERE priority = 'DARURAT'")
			.param("id", calendar)
			.update();
		// Friday 15.00 WIB: one open hour left that day, the rest on Monday.
		ZonedDateTime friday = this.clock.instant()
			.atZone(ZONE)
			.plusDays(1)
			.with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
			.with(LocalTime.of(15, 0));
		this.clock.set(friday.toInstant());
		String ticket = file("KESEHATAN");
		this.clock.set(friday.with(LocalTime.of(17, 0)).toInstant());

		String row = rowOnAnyPage(ticket);
		assertThat(row).contains("Tidak ditandai", "batas Senin", "10.30 WIB belum tiba",
				"dihitung jam kerja: kalender Kantor tutup sampai Senin", "07.30 WIB");
	}

	@Test
	void badPadaValuesAnswerTheFormWithAFieldMessage() throws Exception {
		Instant now = this.clock.instant();
		DateTimeFormatter input = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
		for (String bad : List.of("abc", "2026-13-01T10:00", "2026-02-30T10:00", "2026-12-01T25:00",
				"2026-12-01T10:00\u0000", "\u0000", "x".repeat(300), "-1", "99999999999", "+99999-01-01T00:00",
				"2026-12-01", "1.5", input.format(now.minus(Duration.ofDays(1)).atZone(ZONE)),
				input.format(now.plus(Duration.ofDays(400)).atZone(ZONE)))) {
			String body = page(Map.of("pada", bad), 400);
			if (bad.contains("\u0000")) {
				// Refused before it reaches the page (the firewall's NUL rule): 400 all
				// the same.
				continue;
			}
			assertThat(body).as(bad).contains("is-invalid", "invalid-feedback").doesNotContain("Keputusan sapuan");
			assertThat(body).as(bad)
				.containsAnyOf("Tulis tanggal dan jam", "Pilih sekarang atau waktu sesudahnya",
						"Paling jauh satu tahun");
		}
		assertThat(page(Map.of("pada", ""), 200)).contains("Sapuan sekarang");
		assertThat(page(Map.of("pada", "   "), 200)).contains("Sapuan sekarang");
		assertThat(page(Map.of("pada", input.format(now.atZone(ZONE))), 200)).contains("Sapuan sekarang");
		for (String bad : List.of("abc", "-1", "99999999999", "1.5", "\u0000")) {
			this.mvc.perform(get("/admin/sla/uji-sapu").param("page", bad).cookie(Logins.login(this.mvc, "admin")))
				.andExpect(status().isBadRequest());
		}
	}

	@Test
	void onlyTheAdminMaySeeIt() throws Exception {
		for (String user : List.of("sekretariat", "pimpinan", "dinkes", "upt.muncar")) {
			this.mvc.perform(get("/admin/sla/uji-sapu").cookie(Logins.login(this.mvc, user)))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/admin/sla/uji-sapu")).andExpect(status().is3xxRedirection());
	}

	@Test
	void theSecondPageShowsTheRestAndNoPersonalData() throws Exception {
		String ticket = file("KESEHATAN");
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				WITH cases AS (
				    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
				        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
				    SELECT 'UGD-98-' || lpad(g::text, 6, '0'), 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', :desa,
				        'Alamat', 'Warga Rahasia ' || g, 'Uji', 'LANGSUNG', 'Uji halaman', :now, u.id
				    FROM generate_series(1, 60) g, (SELECT id FROM app_user WHERE username = 'upt.muncar') u
				    RETURNING id)
				INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from)
				SELECT id, 'DINSOS', 'MENUNGGU_RESPON', :now, :due, :atRisk FROM cases""")
			.param("desa", CaseData.MUNCAR_DESA)
			.param("now", Timestamp.from(now))
			.param("due", Timestamp.from(now.plus(Duration.ofHours(4))))
			.param("atRisk", Timestamp.from(now.plus(Duration.ofHours(3))))
			.update();
		long waiting = this.jdbc.sql("SELECT count(*) FROM assignment WHERE status = 'MENUNGGU_RESPON'")
			.query(Long.class)
			.single();

		String first = page(Map.of(), 200);
		String second = page(Map.of("page", "1"), 200);

		assertThat(first).contains("Menampilkan 1–50 dari " + waiting,
				"Menunggu respon</span>: <strong>" + waiting + "</strong>", "rel=\"next\"");
		assertThat(second).contains("Menampilkan 51–" + Math.min(100, waiting) + " dari " + waiting, "rel=\"prev\"");
		Set<String> onFirst = tickets(first);
		Set<String> onSecond = tickets(second);
		assertThat(onFirst).hasSize(50).doesNotContainAnyElementsOf(onSecond);
		assertThat(onSecond).hasSize((int) Math.min(50, waiting - 50));
		assertThat(first + second).contains(ticket)
			.doesNotContain("Warga Rahasia", "Mbah Sarni", "Pak RT", "Dusun Krajan");
	}

	// ---- helpers

	private String page(Map<String, String> params, int expectedStatus) throws Exception {
		var request = get("/admin/sla/uji-sapu").cookie(Logins.login(this.mvc, "admin"));
		params.forEach(request::param);
		return this.mvc.perform(request)
			.andExpect(status().is(expectedStatus))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The table row of one ticket on the page (with its decision and reasons). */
	private static String row(String page, String ticket) {
		int at = page.indexOf(">" + ticket + "<");
		assertThat(at).as("row of " + ticket).isPositive();
		int start = page.lastIndexOf("<tr", at);
		int end = page.indexOf("</tr>", at);
		return page.substring(start, end).replaceAll("\\s+", " ");
	}

	/** The row of one ticket, on whichever page it lies. */
	private String rowOnAnyPage(String ticket) throws Exception {
		for (int p = 0; p < 10; p++) {
			String page = page(Map.of("page", String.valueOf(p)), 200);
			if (page.contains(">" + ticket + "<")) {
				return row(page, ticket);
			}
		}
		throw new AssertionError("no row of " + ticket);
	}

	private static Set<String> tickets(String page) {
		Set<String> tickets = new TreeSet<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("<code>(UGD-[0-9-]+)</code>").matcher(page);
		while (m.find()) {
			tickets.add(m.group(1));
		}
		return tickets;
	}

	/**
	 * Each waiting assignment's flags, "at risk/breached" as 0 and 1, then the number of
	 * steps of its escalation chain recorded (warnings and levels).
	 */
	private Map<Long, String> flags() {
		return this.jdbc.sql("""
				SELECT a.id, (a.at_risk_at IS NOT NULL)::int || '' || (a.breached_at IS NOT NULL)::int
				           || (SELECT count(e.at_risk_at) + count(e.escalated_at) FROM assignment_escalation e
				               WHERE e.assignment_id = a.id) AS flags
				FROM assignment a WHERE a.status = 'MENUNGGU_RESPON'""")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The assignments whose flag {@code index} the sweep set (2: that took a step along
	 * their escalation chain).
	 */
	private static Set<Long> newly(Map<Long, String> before, Map<Long, String> after, int index) {
		return before.keySet()
			.stream()
			.filter(id -> (index < 2) ? before.get(id).charAt(index) == '0' && after.get(id).charAt(index) == '1'
					: Integer.parseInt(after.get(id).substring(2)) > Integer.parseInt(before.get(id).substring(2)))
			.collect(Collectors.toSet());
	}

	/**
	 * What the dry run could have written: flags, events, notifications, publications.
	 */
	private String written() {
		return this.jdbc.sql("""
				SELECT (SELECT count(at_risk_at) || '/' || count(breached_at) || '/' || count(escalated_at)
				               || '/' || count(*) FROM assignment)
				       || ' events ' || (SELECT count(*) FROM case_event)
				       || ' notifications ' || (SELECT count(*) FROM notification)
				       || ' publications ' || (SELECT count(*) FROM event_publication)
				       || ' audit ' || (SELECT count(*) FROM change_audit)""").query(String.class).single();
	}

	private long assignment(String ticket) {
		return this.jdbc.sql("SELECT a.id FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE c.ticket = :t")
			.param("t", ticket)
			.query(Long.class)
			.single();
	}

	/** Files a DARURAT case for Muncar through the API; returns its ticket. */
	private String file(String category) throws Exception {
		String location = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("upt.muncar", Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(CaseData.json(CaseData.nik(), category)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return location.substring("/api/v1/cases/".length());
	}

	private void respond(long task, String username) throws Exception {
		this.mvc
			.perform(post("/api/v1/assignments/" + task + "/response").with(httpBasic(username, Logins.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"note\":\"Petugas mendatangi rumah warga sekarang.\"}"))
			.andExpect(status().isOk());
	}

}
