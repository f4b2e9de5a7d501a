package id.ugdkemiskinan.residents.proposals;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.residents.DataProposalDecided;
import id.ugdkemiskinan.residents.DataProposalsOverdue;
import id.ugdkemiskinan.residents.registry.RegistryWriter;
import id.ugdkemiskinan.sla.SlaSweeper;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Data correction proposals on real PostgreSQL with the injected clock: made with the
 * resolution (same transaction), due after the verval time of their kind (24/7 or working
 * days), flagged once at their due time by the SLA sweep (also with two sweeps at once),
 * never when decided before; the list, the decision and the BNBA export in the user's
 * scope, with the access log; bad values answered 400/404/409 or with a message.
 */
@IntegrationTest
@RecordApplicationEvents
@TestPropertySource(properties = "ugd.test.database=ugd_proposals")
class ProposalTests {

	static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

	static final String NOTE = "Warga belum terdaftar di DTSEN, diusulkan masuk.";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SlaSweeper sweeper;

	@Autowired
	ProposalDeadlines deadlines;

	@Autowired
	RegistryWriter registry;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ApplicationEvents published;

	@BeforeEach
	void defaultSettings() {
		this.jdbc.sql("""
				UPDATE data_proposal_setting SET verval_days = 2,
				       calendar_id = (SELECT min(id) FROM sla_calendar WHERE always_open)""").update();
	}

	@Test
	void aResolutionWithUsulMasukDtsenIsAProposalDueTwoDaysLater() throws Exception {
		String nik = CaseData.nik();
		long person = this.transaction.execute(status -> {
			long household = this.registry.household("3510050101010001".substring(0, 12) + nik.substring(12),
					CaseData.MUNCAR_DESA, "Dusun Krajan, Jl. Pelabuhan 12");
			return this.registry.person(nik, null, "Siti Aminah (registri)", null, CaseData.MUNCAR_DESA,
					"Dusun Krajan, Jl. Pelabuhan 12", household);
		});
		long task = fileForDinsos(nik);
		Instant resolvedAt = resolve(task, "USUL_MASUK_DTSEN");

		Map<String, Object> row = proposal(task);
		assertThat(row.get("kind")).isEqualTo("USUL_MASUK_DTSEN");
		assertThat(row.get("status")).isEqualTo("MENUNGGU");
		assertThat(row.get("proposed_by")).isEqualTo("DINSOS");
		assertThat(row.get("person_id")).isEqualTo(person);
		assertThat(row.get("household_id")).isNotNull();
		assertThat(row.get("desa_code")).isEqualTo(CaseData.MUNCAR_DESA);
		assertThat(instant(row, "proposed_at")).isEqualTo(resolvedAt);
		assertThat(instant(row, "due_at")).isEqualTo(resolvedAt.plus(Duration.ofDays(2)));
		assertThat(row.get("due_in_working_days")).isEqualTo(false);
		assertThat(row.get("breached_at")).isNull();

		String list = page("sekretariat", "/registri/usulan");
		// Filing linked the case to the registered person and brought their name up to
		// date.
		assertThat(list).contains("Usul masuk DTSEN", "Siti Aminah No. " + nik.substring(12), ticket(task),
				"sisa 2 hari");
	}

	@Test
	void anOrdinaryInterventionMakesNoProposalAndTheDataCorrectionsAreFlagged() throws Exception {
		long task = fileForDinsos(CaseData.nik());
		resolve(task, "SEMBAKO_BPNT");
		assertThat(count("SELECT count(*) FROM data_proposal WHERE assignment_id = " + task)).isZero();
		assertThat(this.jdbc.sql("SELECT code FROM intervention WHERE data_correction ORDER BY sort_order")
			.query(String.class)
			.list()).containsExactly("USUL_PERBAIKAN_DESIL", "USUL_MASUK_DTSEN", "SANGGAH_PENERIMA");
		// The dinas's resolve form offers them.
		assertThat(page("dinsos", "/kasus/" + ticket(fileForDinsos(CaseData.nik()))))
			.contains("Usulan perbaikan data (desil)", "Usul masuk DTSEN", "Sanggah penerima");
	}

	@Test
	void onAWorkingHoursCalendarTwoDaysAreTwoWorkingDays() throws Exception {
		this.jdbc.sql("""
				UPDATE data_proposal_setting SET calendar_id = (SELECT id FROM sla_calendar WHERE NOT always_open
				       ORDER BY id LIMIT 1) WHERE kind = 'USUL_PERBAIKAN_DESIL'""").update();
		// Next Friday 14.00 WIB: due Tuesday 14.00 WIB (Monday and Tuesday).
		ZonedDateTime friday = this.clock.instant()
			.atZone(WIB)
			.with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
			.with(LocalTime.of(14, 0));
		this.clock.set(friday.toInstant());
		long task = fileForDinsos(CaseData.nik());
		this.clock.set(friday.toInstant().plusSeconds(60));
		Instant resolvedAt = resolve(task, "USUL_PERBAIKAN_DESIL");

		Map<String, Object> row = proposal(task);
		assertThat(instant(row, "due_at").atZone(WIB))
			.isEqualTo(resolvedAt.atZone(WIB).plusDays(4).withZoneSameInstant(WIB));
		assertThat(instant(row, "due_at").atZone(WIB).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
		assertThat(row.get("due_in_working_days")).isEqualTo(true);
		assertThat(page("sekretariat", "/registri/usulan")).contains("dihitung hari kerja");
	}

	@Test
	void theSweepFlagsAProposalOnceAtItsDueTime() throws Exception {
		long task = fileForDinsos(CaseData.nik());
		Instant resolvedAt = resolve(task, "SANGGAH_PENERIMA");
		Instant due = resolvedAt.plus(Duration.ofDays(2));
		this.published.clear();

		this.clock.set(due.minusSeconds(1));
		this.sweeper.sweep();
		assertThat(proposal(task).get("breached_at")).isNull();
		assertThat(this.published.stream(DataProposalsOverdue.class)).isEmpty();

		this.clock.set(due.plusSeconds(30));
		this.sweeper.sweep();
		Map<String, Object> flagged = proposal(task);
		assertThat(instant(flagged, "breached_at")).isEqualTo(due);
		assertThat(instant(flagged, "breach_detected_at")).isEqualTo(due.plusSeconds(30));
		assertThat(this.published.stream(DataProposalsOverdue.class)
			.flatMap(e -> e.proposals().stream())
			.filter(p -> p.caseId() == caseId(task))
			.count()).isOne();

		this.clock.advance(Duration.ofHours(1));
		this.sweeper.sweep();
		assertThat(instant(proposal(task), "breach_detected_at")).as("flagged once").isEqualTo(due.plusSeconds(30));
		assertThat(this.published.stream(DataProposalsOverdue.class)
			.flatMap(e -> e.proposals().stream())
			.filter(p -> p.caseId() == caseId(task))
			.count()).isOne();
		assertThat(page("dinsos", "/registri/usulan")).contains("terlambat 1 j 00 m",
				"usulan menunggu melewati batas verval");
	}

	@Test
	void aProposalDecidedBeforeItsDueTimeIsNeverFlagged() throws Exception {
		long task = fileForDinsos(CaseData.nik());
		Instant resolvedAt = resolve(task, "USUL_MASUK_DTSEN");
		long id = proposalId(task);

		this.clock.advance(Duration.ofHours(5));
		this.mvc
			.perform(post("/registri/usulan/{id}/putuskan", id).param("decision", "DITERIMA")
				.param("note", "  Sudah diverifikasi di lapangan. ")
				.cookie(Logins.login(this.mvc, "dinsos"))
				.with(csrf()))
			.andExpect(redirectedUrl("/registri/usulan#usulan-" + id))
			.andExpect(flash().attribute("flashSuccess", "usul.decided.accepted"));
		this.clock.set(resolvedAt.plus(Duration.ofDays(3)));
		this.sweeper.sweep();

		Map<String, Object> row = proposal(task);
		assertThat(row.get("status")).isEqualTo("DITERIMA");
		assertThat(row.get("decision_note")).isEqualTo("Sudah diverifikasi di lapangan.");
		assertThat(row.get("breached_at")).isNull();
		assertThat(row.get("decided_by")).isEqualTo(userId("dinsos"));
		assertThat(this.published.stream(DataProposalDecided.class).filter(e -> e.proposalId() == id)).singleElement()
			.satisfies(e -> assertThat(e.accepted() && !e.late() && e.decidedBy() == userId("dinsos")).isTrue());

		// Once: a second decision is a conflict and changes nothing.
		this.mvc
			.perform(post("/registri/usulan/{id}/putuskan", id).param("decision", "DITOLAK")
				.cookie(Logins.login(this.mvc, "sekretariat"))
				.with(csrf()))
			.andExpect(status().isConflict());
		assertThat(proposal(task).get("status")).isEqualTo("DITERIMA");
	}

	@Test
	void aDecisionAfterTheDueTimeKeepsTheBreachAtTheDueTime() throws Exception {
		long task = fileForDinsos(CaseData.nik());
		Instant due = resolve(task, "USUL_MASUK_DTSEN").plus(Duration.ofDays(2));
		this.clock.set(due.plus(Duration.ofHours(3)));
		this.mvc
			.perform(post("/registri/usulan/{id}/putuskan", proposalId(task)).param("decision", "DITOLAK")
				.cookie(Logins.login(this.mvc, "sekretariat"))
				.with(csrf()))
			.andExpect(flash().attribute("flashSuccess", "usul.decided.rejected"));
		assertThat(instant(proposal(task), "breached_at")).isEqualTo(due);
		assertThat(page("sekretariat", "/registri/usulan?status=DITOLAK")).contains("diputuskan terlambat");
	}

	@Test
	void twoSweepsAtOnceFlagEachProposalOnce() throws Exception {
		List<Long> tasks = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			long task = fileForDinsos(CaseData.nik());
			resolve(task, "USUL_MASUK_DTSEN");
			tasks.add(task);
		}
		Instant at = this.clock.instant().plus(Duration.ofDays(3));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> sweeps = new ArrayList<>();
			for (int s = 0; s < 2; s++) {
				sweeps.add(pool.submit(() -> {
					start.await();
					int total = 0;
					int flagged;
					do {
						flagged = this.deadlines.flagOverdue(at, 3);
						total += flagged;
					}
					while (flagged == 3);
					return total;
				}));
			}
			start.countDown();
			int total = 0;
			for (Future<Integer> sweep : sweeps) {
				total += sweep.get(60, TimeUnit.SECONDS);
			}
			assertThat(count("SELECT count(*) FROM data_proposal WHERE breach_detected_at = '" + Timestamp.from(at)
					+ "'::timestamp AT TIME ZONE current_setting('TimeZone')"))
				.isEqualTo(total);
		}
		finally {
			pool.shutdownNow();
		}
		for (long task : tasks) {
			Map<String, Object> row = proposal(task);
			assertThat(instant(row, "breached_at")).isEqualTo(instant(row, "due_at"));
			assertThat(instant(row, "breach_detected_at")).isEqualTo(at);
		}
		assertThat(this.deadlines.flagOverdue(at, 3)).isZero();
	}

	@Test
	void aChangedVervalSettingAppliesToNewProposalsOnly() throws Exception {
		long before = fileForDinsos(CaseData.nik());
		Instant firstAt = resolve(before, "USUL_MASUK_DTSEN");
		Cookie admin = Logins.login(this.mvc, "admin");
		assertThat(page(admin, "/admin/registri/verval")).contains("Batas verval usulan data", "Usul masuk DTSEN");
		assertThat(page(admin, "/admin")).contains("/admin/registri/verval");
		long version = settingVersion("USUL_MASUK_DTSEN");
		long always = this.jdbc.sql("SELECT min(id) FROM sla_calendar WHERE always_open").query(Long.class).single();

		this.mvc
			.perform(post("/admin/registri/verval/USUL_MASUK_DTSEN").param("days", "5")
				.param("calendarId", String.valueOf(always))
				.param("version", String.valueOf(version))
				.cookie(admin)
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/registri/verval"))
			.andExpect(flash().attribute("flashSuccess", "usul.admin.saved"));
		assertThat(
				count("""
						SELECT count(*) FROM change_audit WHERE entity_type = 'VERVAL_SETTING' AND entity_key = 'USUL_MASUK_DTSEN'
						AND before ->> 'days' = '2' AND after ->> 'days' = '5'"""))
			.isOne();

		long after = fileForDinsos(CaseData.nik());
		Instant secondAt = resolve(after, "USUL_MASUK_DTSEN");
		assertThat(instant(proposal(before), "due_at")).isEqualTo(firstAt.plus(Duration.ofDays(2)));
		assertThat(instant(proposal(after), "due_at")).isEqualTo(secondAt.plus(Duration.ofDays(5)));

		// The same form again, with the version it was shown with: stale.
		String stale = this.mvc
			.perform(post("/admin/registri/verval/USUL_MASUK_DTSEN").param("days", "3")
				.param("calendarId", String.valueOf(always))
				.param("version", String.valueOf(version))
				.cookie(admin)
				.with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("baru saja diubah orang lain");
		assertThat(settingDays("USUL_MASUK_DTSEN")).isEqualTo(5);
	}

	@Test
	void theSettingsFormAnswersBadValuesWithMessages() throws Exception {
		Cookie admin = Logins.login(this.mvc, "admin");
		long version = settingVersion("SANGGAH_PENERIMA");
		String path = "/admin/registri/verval/SANGGAH_PENERIMA";
		Map<String, String> dayMessages = Map.of("", "Isi jumlah hari.", "abc", "Tulis angka bulat.", "0",
				"Batas verval antara 1 dan 30 hari.", "31", "Batas verval antara 1 dan 30 hari.", "-3",
				"Batas verval antara 1 dan 30 hari.", "99999999999999999999", "Tulis angka bulat.", "2.5",
				"Tulis angka bulat.");
		for (Map.Entry<String, String> bad : dayMessages.entrySet()) {
			String body = this.mvc
				.perform(post(path).param("days", bad.getKey())
					.param("calendarId", "1")
					.param("version", String.valueOf(version))
					.cookie(admin)
					.with(csrf()))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as("days=%s", bad.getKey()).contains(bad.getValue());
		}
		for (String calendar : List.of("", "abc", "999999", "-1", "99999999999999999999999")) {
			assertThat(this.mvc
				.perform(post(path).param("days", "3")
					.param("calendarId", calendar)
					.param("version", String.valueOf(version))
					.cookie(admin)
					.with(csrf()))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString()).contains("Pilih kalender yang ada.");
		}
		for (String v : List.of("", "abc", "-1", "99999999999999999999999")) {
			this.mvc
				.perform(post(path).param("days", "3")
					.param("calendarId", "1")
					.param("version", v)
					.cookie(admin)
					.with(csrf()))
				.andExpect(status().isBadRequest());
		}
		this.mvc.perform(post(path).param("days", "3\u0000").param("calendarId", "1").cookie(admin).with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/admin/registri/verval/PKH").param("days", "3")
				.param("calendarId", "1")
				.param("version", "0")
				.cookie(admin)
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(path).param("days", "3")
				.param("calendarId", "1")
				.param("version", String.valueOf(version))
				.cookie(admin))
			.andExpect(status().isForbidden());
		assertThat(settingDays("SANGGAH_PENERIMA")).isEqualTo(2);
		this.mvc.perform(get("/admin/registri/verval").cookie(Logins.login(this.mvc, "sekretariat")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theListAndTheDecisionFollowTheScope() throws Exception {
		long task = fileForDinsos(CaseData.nik());
		resolve(task, "USUL_PERBAIKAN_DESIL");
		long id = proposalId(task);
		String ticket = ticket(task);
		long logged = count("SELECT count(*) FROM registry_access WHERE record_type = 'HOUSEHOLD'");

		assertThat(page("sekretariat", "/registri/usulan")).contains(ticket);
		assertThat(page("dinsos", "/registri/usulan")).contains(ticket, "Putuskan");
		assertThat(page("upt.muncar", "/registri/usulan")).contains(ticket).doesNotContain("Simpan keputusan");
		assertThat(page("upt.genteng", "/registri/usulan")).doesNotContain(ticket);
		assertThat(count("""
				SELECT count(*) FROM registry_access WHERE record_type = 'HOUSEHOLD' AND record_id IS NULL
				AND page = '/registri/usulan'""")).isEqualTo(logged + 4);
		for (String user : List.of("dinkes", "pimpinan", "admin")) {
			this.mvc.perform(get("/registri/usulan").cookie(Logins.login(this.mvc, user)))
				.andExpect(status().isForbidden());
		}

		decide("upt.genteng", String.valueOf(id), "DITERIMA").andExpect(status().isNotFound());
		decide("upt.muncar", String.valueOf(id), "DITERIMA").andExpect(status().isForbidden());
		decide("dinkes", String.valueOf(id), "DITERIMA").andExpect(status().isForbidden());
		decide("pimpinan", String.valueOf(id), "DITERIMA").andExpect(status().isForbidden());
		this.mvc
			.perform(post("/registri/usulan/{id}/putuskan", id).param("decision", "DITERIMA")
				.cookie(Logins.login(this.mvc, "dinsos")))
			.andExpect(status().isForbidden());
		assertThat(proposal(task).get("status")).isEqualTo("MENUNGGU");
	}

	@Test
	void theListAndTheDecisionAnswerBadValues() throws Exception {
		long task = fileForDinsos(CaseData.nik());
		resolve(task, "USUL_MASUK_DTSEN");
		long id = proposalId(task);
		Cookie sekretariat = Logins.login(this.mvc, "sekretariat");
		for (String query : List.of("kind=FOO", "kind=" + "X".repeat(300), "kecamatan=35.10.99", "kecamatan=abc",
				"desa=35.10.05.9999", "desa=" + "9".repeat(200), "status=SELESAI", "status=menunggu", "page=abc",
				"page=-1", "page=99999999999999999999", "page=10001")) {
			this.mvc.perform(get("/registri/usulan?" + query).cookie(sekretariat)).andExpect(status().isBadRequest());
		}
		this.mvc.perform(get("/registri/usulan").param("kind", "USUL\u0000").cookie(sekretariat))
			.andExpect(status().isBadRequest());
		assertThat(page(sekretariat, "/registri/usulan?kind=USUL_MASUK_DTSEN&status=MENUNGGU&kecamatan=35.10.05&desa="
				+ CaseData.MUNCAR_DESA + "&page=0"))
			.contains(ticket(task));
		assertThat(page(sekretariat, "/registri/usulan?kind=SANGGAH_PENERIMA&desa=" + CaseData.MUNCAR_DESA))
			.doesNotContain(ticket(task));

		flashError(decide("sekretariat", String.valueOf(id), ""), "Pilih hasil verval: diterima atau ditolak.");
		flashError(decide("sekretariat", String.valueOf(id), "SETUJU"), "Pilih hasil verval: diterima atau ditolak.");
		MvcResult tooLong = this.mvc
			.perform(post("/registri/usulan/{id}/putuskan", id).param("decision", "DITOLAK")
				.param("note", "x".repeat(501))
				.cookie(sekretariat)
				.with(csrf()))
			.andReturn();
		assertThat(tooLong.getFlashMap().get("actionError")).isEqualTo("Catatan paling banyak 500 karakter.");
		this.mvc
			.perform(post("/registri/usulan/{id}/putuskan", id).param("decision", "DITOLAK")
				.param("note", "Bukan\u0000warga")
				.cookie(sekretariat)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		for (String bad : List.of("abc", "99999999999999999999999", "-5", "0", "999999999")) {
			decide("sekretariat", bad, "DITERIMA").andExpect(status().isNotFound());
		}
		assertThat(proposal(task).get("status")).isEqualTo("MENUNGGU");
		// 500 characters are fine.
		decide("sekretariat", String.valueOf(id), "DITOLAK");
		this.mvc
			.perform(post("/registri/usulan/{id}/putuskan", id).param("decision", "DITOLAK")
				.param("note", "y".repeat(500))
				.cookie(sekretariat)
				.with(csrf()))
			.andExpect(status().isConflict());
	}

	@Test
	void theBnbaListHasThePendingProposalsOfTheDesaWithoutTheReporter() throws Exception {
		String nik = CaseData.nik();
		long task = file(CaseData.form(nik, Map.of("confirmDuplicate", "true", "kk", "3510051203800077", "reporterName",
				"Pak Rahasia Pelapor", "reporterPhone", "081299998888"), "BANTUAN_SOSIAL"));
		resolve(task, "USUL_MASUK_DTSEN");
		long decided = fileForDinsos(CaseData.nik());
		resolve(decided, "USUL_MASUK_DTSEN");
		this.jdbc
			.sql("UPDATE data_proposal SET status = 'DITOLAK', decided_at = proposed_at + interval '1 hour', "
					+ "decided_by = (SELECT id FROM app_user WHERE username = 'sekretariat') WHERE assignment_id = :a")
			.param("a", decided)
			.update();
		long exports = count("SELECT count(*) FROM registry_access WHERE record_type = 'EXPORT'");

		MvcResult result = this.mvc
			.perform(get("/registri/usulan/bnba.xlsx").param("desa", CaseData.MUNCAR_DESA)
				.cookie(Logins.login(this.mvc, "upt.muncar")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter cells = new DataFormatter();
			List<String> header = new ArrayList<>();
			sheet.getRow(0).forEach(c -> header.add(cells.formatCellValue(c)));
			assertThat(header).containsExactly("No", "Jenis Usulan", "NIK", "No. KK", "Nama", "Jenis Kelamin",
					"Tanggal Lahir", "Alamat", "RT", "RW", "Desa/Kelurahan", "Kecamatan", "Desil Saat Ini",
					"Nomor Tiket", "Diusulkan", "Batas Verval", "Keterangan");
			List<String> all = new ArrayList<>();
			Row mine = null;
			for (Row row : sheet) {
				row.forEach(c -> all.add(cells.formatCellValue(c)));
				if (row.getRowNum() > 0 && ticket(task).equals(cells.formatCellValue(row.getCell(13)))) {
					mine = row;
				}
			}
			assertThat(mine).isNotNull();
			assertThat(cells.formatCellValue(mine.getCell(1))).isEqualTo("Usul masuk DTSEN");
			assertThat(cells.formatCellValue(mine.getCell(2))).isEqualTo(nik);
			assertThat(cells.formatCellValue(mine.getCell(3))).isEqualTo("3510051203800077");
			assertThat(cells.formatCellValue(mine.getCell(5))).isEqualTo("Perempuan");
			assertThat(cells.formatCellValue(mine.getCell(6))).isEqualTo("12-03-1980");
			assertThat(cells.formatCellValue(mine.getCell(8))).isEqualTo("002");
			assertThat(cells.formatCellValue(mine.getCell(9))).isEqualTo("005");
			assertThat(all).doesNotContain(ticket(decided));
			assertThat(String.join("|", all)).doesNotContain("Pak Rahasia Pelapor", "081299998888");
		}
		assertThat(count("""
				SELECT count(*) FROM registry_access WHERE record_type = 'EXPORT'
				AND page LIKE '/registri/usulan/bnba.xlsx?desa=%'""")).isEqualTo(exports + 1);

		// Same scope: another kecamatan's desa is not there for an operator; a desa is
		// needed.
		this.mvc
			.perform(get("/registri/usulan/bnba.xlsx").param("desa", CaseData.MUNCAR_DESA)
				.cookie(Logins.login(this.mvc, "upt.genteng")))
			.andExpect(status().isNotFound());
		Cookie sekretariat = Logins.login(this.mvc, "sekretariat");
		for (String query : List.of("", "desa=", "desa=abc", "desa=" + CaseData.MUNCAR_DESA + "&kind=PKH",
				"desa=" + CaseData.MUNCAR_DESA + "\u0000")) {
			this.mvc
				.perform(get("/registri/usulan/bnba.xlsx" + (query.isEmpty() ? "" : "?") + query).cookie(sekretariat))
				.andExpect(status().isBadRequest());
		}
		this.mvc
			.perform(get("/registri/usulan/bnba.xlsx").param("desa", CaseData.MUNCAR_DESA)
				.cookie(Logins.login(this.mvc, "pimpinan")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/registri/usulan/bnba.xlsx").param("desa", CaseData.MUNCAR_DESA)
				.param("kind", "SANGGAH_PENERIMA")
				.cookie(sekretariat))
			.andExpect(status().isOk());
	}

	// --- helpers ---

	private long fileForDinsos(String nik) throws Exception {
		return file(CaseData.form(nik, Map.of("confirmDuplicate", "true"), "BANTUAN_SOSIAL"));
	}

	private long file(org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder form)
			throws Exception {
		MvcResult result = this.mvc.perform(form.cookie(Logins.login(this.mvc, "upt.muncar")).with(csrf())).andReturn();
		String ticket = result.getResponse().getRedirectedUrl().substring("/kasus/".length());
		return this.jdbc.sql("""
				SELECT a.id FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE c.ticket = :t AND a.dinas_code = 'DINSOS'""").param("t", ticket).query(Long.class).single();
	}

	private Instant resolve(long task, String intervention) throws Exception {
		Instant at = this.clock.instant();
		MvcResult result = this.mvc
			.perform(post("/penugasan/{id}/selesai", task).param("intervention", intervention)
				.param("note", NOTE)
				.cookie(Logins.login(this.mvc, "dinsos"))
				.with(csrf()))
			.andReturn();
		assertThat(result.getFlashMap().get("actionError")).as("refused: %s", result.getFlashMap()).isNull();
		return at;
	}

	private org.springframework.test.web.servlet.ResultActions decide(String user, String id, String decision)
			throws Exception {
		return this.mvc.perform(post("/registri/usulan/" + id + "/putuskan").param("decision", decision)
			.cookie(Logins.login(this.mvc, user))
			.with(csrf()));
	}

	private static void flashError(org.springframework.test.web.servlet.ResultActions result, String message)
			throws Exception {
		result.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("actionError", message));
	}

	private Map<String, Object> proposal(long task) {
		return this.jdbc.sql("SELECT * FROM data_proposal WHERE assignment_id = :a")
			.param("a", task)
			.query()
			.singleRow();
	}

	private long proposalId(long task) {
		return ((Number) proposal(task).get("id")).longValue();
	}

	private static Instant instant(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return value instanceof Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) value).toInstant();
	}

	private String ticket(long task) {
		return this.jdbc.sql("SELECT c.ticket FROM case_file c JOIN assignment a ON a.case_id = c.id WHERE a.id = :a")
			.param("a", task)
			.query(String.class)
			.single();
	}

	private long caseId(long task) {
		return this.jdbc.sql("SELECT case_id FROM assignment WHERE id = :a")
			.param("a", task)
			.query(Long.class)
			.single();
	}

	private long userId(String username) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	private long settingVersion(String kind) {
		return this.jdbc.sql("SELECT version FROM data_proposal_setting WHERE kind = :k")
			.param("k", kind)
			.query(Long.class)
			.single();
	}

	private int settingDays(String kind) {
		return this.jdbc.sql("SELECT verval_days FROM data_proposal_setting WHERE kind = :k")
			.param("k", kind)
			.query(Integer.class)
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private String page(String user, String path) throws Exception {
		return page(Logins.login(this.mvc, user), path);
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
