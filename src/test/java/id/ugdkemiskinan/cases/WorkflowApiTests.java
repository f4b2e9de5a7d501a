package id.ugdkemiskinan.cases;

import id.ugdkemiskinan.cases.workflow.CaseWorkflow;
import id.ugdkemiskinan.cases.workflow.IllegalTransitionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.Logins;
import id.ugdkemiskinan.support.MutableClock;
import id.ugdkemiskinan.users.CurrentUser;
import id.ugdkemiskinan.users.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The workflow through the API, illegal transitions as 409, and two people acting at
 * once.
 */
@IntegrationTest
class WorkflowApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	CaseWorkflow workflow;

	@Test
	void theWholeLifeThroughTheApi() throws Exception {
		String ticket = fileCase("KESEHATAN", "PENDIDIKAN");
		long dinkes = assignmentId(ticket, "DINKES");
		long dindik = assignmentId(ticket, "DINDIK");

		call("dinkes", "/api/v1/assignments", null).andExpect(jsonPath("$.items[*].ticket", hasItem(ticket)));
		call("dinkes", "/api/v1/assignments/" + dinkes + "/response",
				"{\"note\":\"Petugas puskesmas datang hari ini.\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ticket").value(ticket))
			.andExpect(jsonPath("$.assignment.status").value("DIRESPON"))
			.andExpect(jsonPath("$.assignment.slaState").value("MET"))
			.andExpect(jsonPath("$.assignment.respondedAt").value(endsWith("+07:00")));
		this.clock.advance(Duration.ofHours(4).plusMinutes(10));
		call("dindik", "/api/v1/assignments/" + dindik + "/response",
				"{\"note\":\"Sekolah dihubungi, anak didaftarkan ulang.\"}")
			.andExpect(jsonPath("$.assignment.slaState").value("MISSED"));
		call("dinkes", "/api/v1/assignments/" + dinkes + "/resolution",
				"{\"intervention\":\"LAYANAN_KESEHATAN\",\"note\":\"Rujukan ke RSUD dan pengobatan gratis.\"}")
			.andExpect(jsonPath("$.assignment.status").value("SELESAI"))
			.andExpect(jsonPath("$.assignment.intervention").value("LAYANAN_KESEHATAN"))
			.andExpect(jsonPath("$.assignment.resolvedAt").exists());
		call("dindik", "/api/v1/assignments/" + dindik + "/return",
				"{\"reason\":\"Ini urusan bantuan sosial, bukan sekolah.\"}")
			.andExpect(jsonPath("$.assignment.status").value("DIKEMBALIKAN"));
		call("sekretariat", "/api/v1/assignments", null).andExpect(jsonPath("$.items[*].ticket", hasItem(ticket)));
		call("sekretariat", "/api/v1/cases/" + ticket + "/assignments",
				"{\"dinasCodes\":[\"DINSOS\"],\"note\":\"Asesmen PKH\"}")
			.andExpect(jsonPath("$.assignments[*].dinasCode", hasItem("DINSOS")));
		long dinsos = assignmentId(ticket, "DINSOS");
		call("dinsos", "/api/v1/assignments/" + dinsos + "/resolution",
				"{\"intervention\":\"PKH\",\"note\":\"Ditetapkan sebagai penerima PKH tahap berikut.\"}")
			.andExpect(jsonPath("$.assignment.status").value("SELESAI"));
		call("upt.muncar", "/api/v1/cases/" + ticket + "/closure", "{\"note\":\"Warga mengonfirmasi sudah dibantu.\"}")
			.andExpect(jsonPath("$.status").value("DITUTUP"));
		call("upt.muncar", "/api/v1/cases/" + ticket + "/reopening",
				"{\"reason\":\"Anak kembali putus sekolah.\",\"categories\":[\"PENDIDIKAN\"]}")
			.andExpect(jsonPath("$.status").value("TERBUKA"));
		call("upt.muncar", "/api/v1/cases/" + ticket + "/events", null).andExpect(jsonPath("$[*].type",
				containsInAnyOrder("FILED", "ROUTED", "ROUTED", "RESPONDED", "RESPONDED_LATE", "RESOLVED", "RETURNED",
						"ROUTED", "TRIAGED", "ROUTED", "RESPONDED", "RESOLVED", "CLOSED", "REOPENED", "ROUTED")));
	}

	@Test
	void illegalTransitionsAre409WithAReason() throws Exception {
		String ticket = fileCase("KESEHATAN");
		long task = assignmentId(ticket, "DINKES");

		call("dinkes", "/api/v1/assignments/" + task + "/resolution", "{\"intervention\":\"PBI_JKN\",\"note\":\"x\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		call("upt.muncar", "/api/v1/cases/" + ticket + "/closure", "{\"note\":\"Sudah dikonfirmasi warga.\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("workflow.closeOpen"));
		call("upt.muncar", "/api/v1/cases/" + ticket + "/reopening",
				"{\"reason\":\"Belum selesai kok.\",\"categories\":[\"KESEHATAN\"]}")
			.andExpect(status().isConflict());
		call("dinkes", "/api/v1/assignments/" + task + "/response", "{\"note\":\"Petugas datang ke rumah warga.\"}")
			.andExpect(status().isOk());
		call("dinkes", "/api/v1/assignments/" + task + "/response", "{\"note\":\"Respon kedua untuk hal yang sama.\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Penugasan ini sudah direspon."));
		call("sekretariat", "/api/v1/assignments/" + task + "/cancellation",
				"{\"reason\":\"Salah kategori sejak awal.\"}")
			.andExpect(status().isOk());
		call("dinkes", "/api/v1/assignments/" + task + "/resolution",
				"{\"intervention\":\"PBI_JKN\",\"note\":\"Mencoba menyelesaikan.\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("workflow.assignmentClosed"));
		call("dinkes", "/api/v1/assignments/" + task + "/response",
				"{\"note\":\"Versi lama dari layar lain.\",\"version\":0}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("workflow.changed"));
	}

	@Test
	void scopeHoldsInTheApi() throws Exception {
		String ticket = fileCase("KESEHATAN");
		long task = assignmentId(ticket, "DINKES");

		call("dinsos", "/api/v1/assignments/" + task + "/response", "{\"note\":\"Dinas lain mencoba merespon.\"}")
			.andExpect(status().isNotFound());
		call("dinkes", "/api/v1/assignments/" + task + "/cancellation", "{\"reason\":\"Dinkes mencoba membatalkan.\"}")
			.andExpect(status().isForbidden());
		call("upt.genteng", "/api/v1/cases/" + ticket + "/closure", "{\"note\":\"Operator lain mencoba menutup.\"}")
			.andExpect(status().isNotFound());
		call("upt.muncar", "/api/v1/cases/" + ticket + "/rejection", "{\"reason\":\"Operator mencoba menolak.\"}")
			.andExpect(status().isForbidden());
		call("upt.muncar", "/api/v1/assignments", null).andExpect(status().isForbidden());
		call("dinsos", "/api/v1/cases/" + ticket + "/events", null).andExpect(status().isNotFound());
		call("dinsos", "/api/v1/assignments", null)
			.andExpect(jsonPath("$.items[*].ticket").value(org.hamcrest.Matchers.not(hasItem(ticket))));
	}

	@Test
	void twoStaffRespondingAtOnceRecordExactlyOneResponse() throws Exception {
		for (int round = 0; round < 5; round++) {
			String ticket = fileCase("KESEHATAN");
			long task = assignmentId(ticket, "DINKES");
			CurrentUser dinkes = user("dinkes");
			List<Object> outcomes = race(
					() -> this.workflow.respond(task, null, "Petugas A datang ke rumah warga.", dinkes),
					() -> this.workflow.respond(task, null, "Petugas B datang ke rumah warga.", dinkes));

			assertThat(outcomes).filteredOn(String.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(IllegalTransitionException.class::isInstance).hasSize(1);
			assertThat(events(ticket, "RESPONDED")).isEqualTo(1);
		}
	}

	@Test
	void staffAndSecretariatActingAtOnceNeverBothApply() throws Exception {
		for (int round = 0; round < 5; round++) {
			String ticket = fileCase("PENDIDIKAN");
			long task = assignmentId(ticket, "DINDIK");
			CurrentUser dindik = user("dindik");
			CurrentUser sekretariat = user("sekretariat");
			List<Object> outcomes = race(
					() -> this.workflow.resolve(task, null, "KEMBALI_SEKOLAH", "Anak kembali bersekolah mulai Senin.",
							dindik),
					() -> this.workflow.cancel(task, null, "Dibatalkan, salah alamat dinas.", sekretariat));

			assertThat(outcomes).filteredOn(String.class::isInstance).hasSize(1);
			String status = this.jdbc.sql("SELECT status FROM assignment WHERE id = :id")
				.param("id", task)
				.query(String.class)
				.single();
			assertThat(events(ticket, "RESOLVED") + events(ticket, "CANCELLED")).isEqualTo(1);
			assertThat(status).isIn("SELESAI", "DIBATALKAN");
			assertThat(this.jdbc.sql("SELECT status FROM case_file WHERE ticket = :t")
				.param("t", ticket)
				.query(String.class)
				.single()).isEqualTo("SELESAI");
		}
	}

	/**
	 * Runs both actions in real concurrent transactions, released at the same instant.
	 */
	private List<Object> race(java.util.function.Supplier<String> first, java.util.function.Supplier<String> second)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Object>> futures = new ArrayList<>();
			for (java.util.function.Supplier<String> action : List.of(first, second)) {
				futures.add(pool.submit(() -> {
					start.await();
					try {
						return (Object) action.get();
					}
					catch (IllegalTransitionException ex) {
						return ex;
					}
				}));
			}
			start.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : futures) {
				outcomes.add(future.get(30, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdown();
		}
	}

	private CurrentUser user(String username) {
		return this.jdbc.sql("SELECT id, full_name, role, kecamatan_code, dinas_code FROM app_user WHERE username = :u")
			.param("u", username)
			.query((rs, n) -> new CurrentUser(rs.getLong("id"), username, rs.getString("full_name"),
					Role.valueOf(rs.getString("role")), rs.getString("kecamatan_code"), rs.getString("dinas_code"),
					null, true, false, null))
			.single();
	}

	private String fileCase(String... categories) throws Exception {
		String location = call("upt.muncar", "/api/v1/cases", CaseData.json(CaseData.nik(), categories)).andReturn()
			.getResponse()
			.getHeader("Location");
		return location.substring("/api/v1/cases/".length());
	}

	private ResultActions call(String username, String path, String body) throws Exception {
		if (body == null) {
			return this.mvc.perform(get(path).with(httpBasic(username, Logins.DEMO_PASSWORD)));
		}
		return this.mvc.perform(post(path).with(httpBasic(username, Logins.DEMO_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
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

	private long events(String ticket, String type) {
		return this.jdbc.sql("""
				SELECT count(*) FROM case_event e JOIN case_file c ON c.id = e.case_id
				WHERE c.ticket = :t AND e.type = :type""")
			.param("t", ticket)
			.param("type", type)
			.query(Long.class)
			.single();
	}

}
