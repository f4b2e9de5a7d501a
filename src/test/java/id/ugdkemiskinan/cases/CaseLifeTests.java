package id.ugdkemiskinan.cases;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The whole life of a case through the pages, with time moved on the injected clock. */
@IntegrationTest
class CaseLifeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void fileRespondLateReturnRerouteResolveCloseAndReopen() throws Exception {
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		Cookie dinkes = Logins.login(this.mvc, "dinkes");
		Cookie dindik = Logins.login(this.mvc, "dindik");
		Cookie dinsos = Logins.login(this.mvc, "dinsos");
		Cookie sekretariat = Logins.login(this.mvc, "sekretariat");
		String ticket = fileCase(upt, "KESEHATAN", "PENDIDIKAN");
		long dinkesTask = assignmentId(ticket, "DINKES");
		long dindikTask = assignmentId(ticket, "DINDIK");

		assertThat(page(dinkes, "/antrian")).contains(ticket);
		assertThat(page(dinkes, "/antrian")).doesNotContain("triase");
		ok(post("/penugasan/{id}/respon", dinkesTask).param("note",
				"Petugas puskesmas mengunjungi rumah warga hari ini."), dinkes);

		this.clock.advance(Duration.ofHours(5));
		assertThat(page(dindik, "/antrian")).contains(ticket, "terlambat 1 j 00 m");
		ok(post("/penugasan/{id}/respon", dindikTask).param("note", "Kami cek data sekolah anak ini besok pagi."),
				dindik);
		assertThat(assignment(dindikTask)).isEqualTo("DIRESPON");
		assertThat(this.jdbc.sql("SELECT responded_at > due_at FROM assignment WHERE id = :id")
			.param("id", dindikTask)
			.query(Boolean.class)
			.single()).as("responded late").isTrue();

		ok(post("/penugasan/{id}/progres", dinkesTask).param("note", "Pendaftaran PBI-JKN diajukan ke Dinsos."),
				dinkes);
		ok(post("/penugasan/{id}/selesai", dinkesTask).param("intervention", "PBI_JKN")
			.param("note", "Warga sudah terdaftar PBI-JKN dan berobat ke puskesmas."), dinkes);
		assertThat(assignment(dinkesTask)).isEqualTo("SELESAI");

		ok(post("/penugasan/{id}/kembalikan", dindikTask).param("reason",
				"Anak sudah lulus SMP; butuh bantuan sosial, bukan pendidikan."), dindik);
		assertThat(assignment(dindikTask)).isEqualTo("DIKEMBALIKAN");
		long triage = assignmentId(ticket, "KESRA");
		assertThat(page(sekretariat, "/triase")).contains(ticket, "Anak sudah lulus SMP");

		ok(post("/kasus/{t}/rute", ticket).param("dinasCodes", "DINSOS").param("note", "Mohon asesmen PKH."),
				sekretariat);
		assertThat(assignment(triage)).isEqualTo("SELESAI");
		long dinsosTask = assignmentId(ticket, "DINSOS");

		ok(post("/penugasan/{id}/selesai", dinsosTask).param("intervention", "PKH")
			.param("note", "Keluarga diusulkan dan ditetapkan sebagai penerima PKH."), dinsos);
		assertThat(caseStatus(ticket)).isEqualTo("SELESAI");

		ok(post("/kasus/{t}/tutup", ticket).param("note", "Ibu Siti mengonfirmasi bantuan sudah diterima."), upt);
		assertThat(caseStatus(ticket)).isEqualTo("DITUTUP");

		ok(post("/kasus/{t}/buka-kembali", ticket).param("reason", "Atap rumah roboh setelah hujan deras.")
			.param("categories", "RUMAH_TIDAK_LAYAK_HUNI"), upt);
		assertThat(caseStatus(ticket)).isEqualTo("TERBUKA");
		assertThat(this.jdbc.sql("""
				SELECT a.dinas_code || ':' || a.status FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE c.ticket = :t ORDER BY a.id""").param("t", ticket).query(String.class).list()).containsExactly(
				"DINDIK:DIKEMBALIKAN", "DINKES:SELESAI", "KESRA:SELESAI", "DINSOS:SELESAI", "BPMD:MENUNGGU_RESPON");

		assertThat(timeline(ticket)).containsExactly("FILED", "ROUTED:DINDIK", "ROUTED:DINKES", "RESPONDED:DINKES",
				"RESPONDED_LATE:DINDIK", "PROGRESS:DINKES", "RESOLVED:DINKES", "RETURNED:DINDIK", "ROUTED:KESRA",
				"TRIAGED:KESRA", "ROUTED:DINSOS", "RESPONDED:DINSOS", "RESOLVED:DINSOS", "CLOSED", "REOPENED",
				"ROUTED:BPMD");
		assertThat(page(upt, "/kasus/" + ticket)).contains("Respon Dinas Pendidikan (terlambat)",
				"Petugas puskesmas mengunjungi rumah", "Kasus ditutup setelah konfirmasi dengan warga",
				"dikembalikan terlambat, setelah");
	}

	@Test
	void aRefusedActionLeadsBackToTheCaseWithTheReasonAndNothingChanges() throws Exception {
		Cookie dinkes = Logins.login(this.mvc, "dinkes");
		String ticket = fileCase(Logins.login(this.mvc, "upt.muncar"), "KESEHATAN");
		long task = assignmentId(ticket, "DINKES");

		MvcResult tooShort = this.mvc
			.perform(post("/penugasan/{id}/respon", task).param("note", "ok").cookie(dinkes).with(csrf()))
			.andReturn();
		assertThat(tooShort.getResponse().getRedirectedUrl()).isEqualTo("/kasus/" + ticket + "#respond-" + task);
		assertThat(tooShort.getFlashMap().get("actionError")).isEqualTo("Tulis minimal 15 karakter.");
		assertThat(assignment(task)).isEqualTo("MENUNGGU_RESPON");

		MvcResult resolveFirst = this.mvc
			.perform(post("/penugasan/{id}/selesai", task).param("intervention", "BUKAN")
				.param("note", "Sudah ditangani dengan baik sekali.")
				.cookie(dinkes)
				.with(csrf()))
			.andReturn();
		assertThat(resolveFirst.getFlashMap().get("actionError")).isEqualTo("Pilih intervensi yang diberikan.");

		MvcResult closeOpen = this.mvc
			.perform(post("/kasus/{t}/tutup", ticket).param("note", "Warga sudah dihubungi.")
				.cookie(Logins.login(this.mvc, "upt.muncar"))
				.with(csrf()))
			.andReturn();
		assertThat(closeOpen.getFlashMap().get("actionError"))
			.isEqualTo("Kasus baru dapat ditutup setelah semua penugasan selesai atau dibatalkan.");
		assertThat(caseStatus(ticket)).isEqualTo("TERBUKA");
	}

	@Test
	void respondingAndResolvingAtOnceRecordsBoth() throws Exception {
		Cookie dinsos = Logins.login(this.mvc, "dinsos");
		String ticket = fileCase(Logins.login(this.mvc, "upt.muncar"), "BANTUAN_SOSIAL");
		long task = assignmentId(ticket, "DINSOS");

		ok(post("/penugasan/{id}/selesai", task).param("intervention", "SEMBAKO_BPNT")
			.param("note", "Paket sembako diantar langsung hari ini."), dinsos);

		assertThat(timeline(ticket)).containsExactly("FILED", "ROUTED:DINSOS", "RESPONDED:DINSOS", "RESOLVED:DINSOS");
		assertThat(this.jdbc
			.sql("SELECT intervention_code || ':' || (responded_at = closed_at) FROM assignment WHERE id = :id")
			.param("id", task)
			.query(String.class)
			.single()).isEqualTo("SEMBAKO_BPNT:true");
		assertThat(caseStatus(ticket)).isEqualTo("SELESAI");
	}

	@Test
	void aStaleFormIsToldTheCaseChangedAndAppliesNothing() throws Exception {
		Cookie dinkes = Logins.login(this.mvc, "dinkes");
		String ticket = fileCase(Logins.login(this.mvc, "upt.muncar"), "KESEHATAN");
		long task = assignmentId(ticket, "DINKES");
		long version = this.jdbc.sql("SELECT version FROM assignment WHERE id = :id")
			.param("id", task)
			.query(Long.class)
			.single();

		ok(post("/penugasan/{id}/progres", task).param("version", String.valueOf(version))
			.param("note", "Dijadwalkan kunjungan rumah besok."), dinkes);
		this.jdbc.sql("UPDATE assignment SET version = version + 1 WHERE id = :id").param("id", task).update();
		MvcResult stale = this.mvc
			.perform(post("/penugasan/{id}/respon", task).param("version", String.valueOf(version))
				.param("note", "Petugas datang ke rumah warga hari ini.")
				.cookie(dinkes)
				.with(csrf()))
			.andReturn();

		assertThat(stale.getFlashMap().get("actionError")).asString().startsWith("Kasus ini baru saja diubah");
		assertThat(stale.getFlashMap().get("typed").toString()).contains("Petugas datang ke rumah warga hari ini.");
		assertThat(assignment(task)).isEqualTo("MENUNGGU_RESPON");
	}

	@Test
	void everyoneActsOnlyWithinTheirScope() throws Exception {
		String ticket = fileCase(Logins.login(this.mvc, "upt.muncar"), "KESEHATAN");
		long task = assignmentId(ticket, "DINKES");

		this.mvc
			.perform(post("/penugasan/{id}/respon", task).param("note", "Saya dari dinas lain, coba respon.")
				.cookie(Logins.login(this.mvc, "dinsos"))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/penugasan/{id}/batalkan", task).param("reason", "Dinkes mencoba membatalkan.")
				.cookie(Logins.login(this.mvc, "dinkes"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/kasus/{t}/tolak", ticket).param("reason", "Operator mencoba menolak kasus.")
				.cookie(Logins.login(this.mvc, "upt.muncar"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/kasus/{t}/tutup", ticket).param("note", "Operator Genteng menutup kasus.")
				.cookie(Logins.login(this.mvc, "upt.genteng"))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/kasus/{t}/rute", ticket).param("dinasCodes", "DINSOS")
				.cookie(Logins.login(this.mvc, "pimpinan"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/triase").cookie(Logins.login(this.mvc, "dinkes"))).andExpect(status().isForbidden());
		assertThat(assignment(task)).isEqualTo("MENUNGGU_RESPON");
		assertThat(timeline(ticket)).containsExactly("FILED", "ROUTED:DINKES");
	}

	@Test
	void theSecretariatRejectsADuplicateAndItsAssignmentsAreCancelled() throws Exception {
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		String original = fileCase(upt, "KESEHATAN");
		String copy = fileCase(upt, "PENDIDIKAN");

		ok(post("/kasus/{t}/tolak", copy).param("reason", "Pengaduan yang sama sudah tercatat.")
			.param("duplicateOf", original), Logins.login(this.mvc, "sekretariat"));

		assertThat(caseStatus(copy)).isEqualTo("DITOLAK");
		assertThat(assignment(assignmentId(copy, "DINDIK"))).isEqualTo("DIBATALKAN");
		assertThat(page(upt, "/kasus/" + copy)).contains("Duplikat dari", original, "Kasus ditolak");
	}

	@Test
	void theQueueShowsTheMostUrgentFirstAndCountsTheWaiting() throws Exception {
		Cookie upt = Logins.login(this.mvc, "upt.muncar");
		String older = fileCase(upt, "RUMAH_TIDAK_LAYAK_HUNI");
		this.clock.advance(Duration.ofHours(3).plusMinutes(30));
		String newer = fileCase(upt, "EKONOMI_PEKERJAAN");
		this.clock.advance(Duration.ofMinutes(31));
		Cookie bpmd = Logins.login(this.mvc, "bpmd");

		String queue = page(bpmd, "/antrian");
		assertThat(queue.indexOf(older)).as("the breached one first").isLessThan(queue.indexOf(newer)).isPositive();
		assertThat(page(bpmd, "/antrian?state=BREACHED")).contains(older).doesNotContain(newer);
		assertThat(page(bpmd, "/antrian?state=ON_TRACK")).contains(newer).doesNotContain(older);
		long waiting = this.jdbc
			.sql("SELECT count(*) FROM assignment WHERE dinas_code = 'BPMD' AND status = 'MENUNGGU_RESPON'")
			.query(Long.class)
			.single();
		assertThat(queue).contains(waiting + " penugasan menunggu respon");
	}

	private String fileCase(Cookie upt, String... categories) throws Exception {
		MvcResult result = this.mvc
			.perform(CaseData.form(CaseData.nik(), java.util.Map.of("confirmDuplicate", "true"), categories)
				.cookie(upt)
				.with(csrf()))
			.andReturn();
		return result.getResponse().getRedirectedUrl().substring("/kasus/".length());
	}

	private void ok(MockHttpServletRequestBuilder request, Cookie session) throws Exception {
		MvcResult result = this.mvc.perform(request.cookie(session).with(csrf())).andReturn();
		assertThat(result.getFlashMap().get("actionError")).as("refused: %s", result.getFlashMap()).isNull();
		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/kasus/UGD-");
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long assignmentId(String ticket, String dinas) {
		return this.jdbc.sql("""
				SELECT max(a.id) FROM assignment a JOIN case_file c ON c.id = a.case_id
				WHERE c.ticket = :t AND a.dinas_code = :d""")
			.param("t", ticket)
			.param("d", dinas)
			.query(Long.class)
			.single();
	}

	private String assignment(long id) {
		return this.jdbc.sql("SELECT status FROM assignment WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private String caseStatus(String ticket) {
		return this.jdbc.sql("SELECT status FROM case_file WHERE ticket = :t")
			.param("t", ticket)
			.query(String.class)
			.single();
	}

	private List<String> timeline(String ticket) {
		return this.jdbc
			.sql("""
					SELECT e.type || coalesce(':' || e.dinas_code, '') FROM case_event e JOIN case_file c ON c.id = e.case_id
					WHERE c.ticket = :t ORDER BY e.occurred_at, e.id""")
			.param("t", ticket)
			.query(String.class)
			.list();
	}

}
