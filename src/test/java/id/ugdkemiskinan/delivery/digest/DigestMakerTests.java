package id.ugdkemiskinan.delivery.digest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily digest on its own data set: on 10 May 2027 (WIB) DINKES responded on time,
 * DINDIK late, and DINSOS's assignment (due 14.00 WIB) is still waiting; the digest of
 * that day is made on 11 May at 07.00 WIB (00.00 UTC). Two PIMPINAN have an email
 * address, a third has none.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=digest")
class DigestMakerTests {

	static final Instant SEVEN = Instant.parse("2027-05-11T00:00:00Z");

	@Autowired
	DigestMaker maker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void craftTheDataSetAndForgetEveryDigest() {
		this.jdbc.sql("DELETE FROM delivery WHERE kind = 'DIGEST'").update();
		this.jdbc.sql("DELETE FROM digest_run").update();
		if (this.jdbc.sql("SELECT count(*) FROM case_file WHERE ticket LIKE 'UGD-DG-%'")
			.query(Long.class)
			.single() > 0) {
			return;
		}
		this.jdbc.sql("UPDATE app_user SET email = 'bupati@banyuwangikab.go.id' WHERE username = 'pimpinan'").update();
		this.jdbc.sql("""
				INSERT INTO app_user (username, full_name, password_hash, role, email, created_at)
				SELECT 'wakil.bupati', 'Wakil Bupati', password_hash, 'PIMPINAN', 'wabup@banyuwangikab.go.id', now()
				FROM app_user WHERE username = 'pimpinan'""").update();
		this.jdbc.sql("""
				INSERT INTO app_user (username, full_name, password_hash, role, created_at)
				SELECT 'sekda', 'Sekretaris Daerah', password_hash, 'PIMPINAN', now()
				FROM app_user WHERE username = 'pimpinan'""").update();
		kase("A1", "DINKES", "2027-05-10T03:00:00Z", "2027-05-10T02:00:00Z");
		kase("A2", "DINDIK", "2027-05-10T05:00:00Z", "2027-05-10T06:00:00Z");
		kase("A3", "DINSOS", "2027-05-10T07:00:00Z", null);
	}

	@Test
	void theScheduleDoesNotRunInTests() {
		assertThat(this.context.getBeanNamesForType(DigestSchedule.class)).isEmpty();
	}

	@Test
	void nothingBeforeSeven() {
		this.clock.set(SEVEN.minus(Duration.ofMinutes(1)));
		assertThat(this.maker.make()).isZero();
		assertThat(digestRuns()).isZero();
		assertThat(deliveries()).isEmpty();
	}

	@Test
	void atSevenOneDeliveryPerPimpinanWithEmailAndOnlyOnce() {
		this.clock.set(SEVEN);
		assertThat(this.maker.make()).isEqualTo(2);
		List<Map<String, Object>> rows = deliveries();
		assertThat(rows).extracting(row -> row.get("recipient"))
			.containsExactlyInAnyOrder("bupati@banyuwangikab.go.id", "wabup@banyuwangikab.go.id");
		for (Map<String, Object> row : rows) {
			assertThat(row).containsEntry("status", "PENDING")
				.containsEntry("kind", "DIGEST")
				.containsEntry("channel", "EMAIL")
				.containsEntry("date", "10 Mei 2027")
				.containsEntry("compliance", "33,3 %")
				.containsEntry("on_time", "1")
				.containsEntry("late", "2")
				.containsEntry("link", "http://localhost:8080/dasbor")
				.containsEntry("dinas0", "Dinas Sosial")
				.containsEntry("breaches0", "1")
				.containsEntry("open0", "1")
				.containsEntry("dinas1", "Dinas Pendidikan")
				.containsEntry("open1", "0")
				.containsEntry("by_dinas", 2)
				.containsEntry("oldest", 1)
				.containsEntry("ticket0", "UGD-DG-A3")
				.containsEntry("oldest_dinas0", "Dinas Sosial")
				.containsEntry("due_at0", "10 Mei 2027 14.00 WIB")
				.containsEntry("overdue0", "17 j 00 m")
				.containsEntry("case_link0", "http://localhost:8080/kasus/UGD-DG-A3");
			assertThat((String) row.get("delivery_key")).startsWith("digest:2027-05-11:u").endsWith(":EMAIL");
		}

		this.clock.set(SEVEN.plus(Duration.ofMinutes(1)));
		assertThat(this.maker.make()).as("made already").isZero();
		this.clock.set(SEVEN.plus(Duration.ofHours(10)));
		assertThat(this.maker.make()).isZero();
		assertThat(deliveries()).hasSize(2);
		assertThat(digestRuns()).isEqualTo(1);
	}

	@Test
	void twoInstancesAtOnceMakeItOnce() throws Exception {
		this.clock.set(SEVEN);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> runs = List.of(pool.submit(() -> {
				start.await();
				return this.maker.make();
			}), pool.submit(() -> {
				start.await();
				return this.maker.make();
			}));
			start.countDown();
			int written = 0;
			for (Future<Integer> run : runs) {
				written += run.get(30, TimeUnit.SECONDS);
			}
			assertThat(written).isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(digestRuns()).isEqualTo(1);
		assertThat(deliveries()).hasSize(2);
	}

	@Test
	void aLateStartMakesTodaysDigestThenAndTheNextDayANewOne() {
		this.clock.set(SEVEN.plus(Duration.ofHours(2)));
		assertThat(this.maker.make()).as("started at 09.00").isEqualTo(2);
		this.clock.set(SEVEN.plus(Duration.ofDays(1)).minus(Duration.ofSeconds(1)));
		assertThat(this.maker.make()).isZero();
		this.clock.set(SEVEN.plus(Duration.ofDays(1)));
		assertThat(this.maker.make()).isEqualTo(2);
		assertThat(deliveries()).extracting(row -> ((String) row.get("delivery_key")).substring(0, 17))
			.containsExactlyInAnyOrder("digest:2027-05-11", "digest:2027-05-11", "digest:2027-05-12",
					"digest:2027-05-12");
		assertThat(this.jdbc.sql("SELECT params ->> 'date' FROM delivery WHERE delivery_key LIKE 'digest:2027-05-12%'")
			.query(String.class)
			.list()).containsOnly("11 Mei 2027");
		assertThat(digestRuns()).isEqualTo(2);
	}

	private long digestRuns() {
		return this.jdbc.sql("SELECT count(*) FROM digest_run").query(Long.class).single();
	}

	private List<Map<String, Object>> deliveries() {
		return this.jdbc
			.sql("""
					SELECT delivery_key, kind, channel, recipient, status, params ->> 'date' AS date,
					       params ->> 'compliance' AS compliance, params ->> 'onTime' AS on_time, params ->> 'late' AS late,
					       params ->> 'link' AS link, jsonb_array_length(params -> 'byDinas') AS by_dinas,
					       params -> 'byDinas' -> 0 ->> 'dinas' AS dinas0, params -> 'byDinas' -> 0 ->> 'breaches' AS breaches0,
					       params -> 'byDinas' -> 0 ->> 'open' AS open0, params -> 'byDinas' -> 1 ->> 'dinas' AS dinas1,
					       params -> 'byDinas' -> 1 ->> 'open' AS open1, jsonb_array_length(params -> 'oldest') AS oldest,
					       params -> 'oldest' -> 0 ->> 'ticket' AS ticket0, params -> 'oldest' -> 0 ->> 'dinas' AS oldest_dinas0,
					       params -> 'oldest' -> 0 ->> 'dueAt' AS due_at0, params -> 'oldest' -> 0 ->> 'overdue' AS overdue0,
					       params -> 'oldest' -> 0 ->> 'link' AS case_link0
					FROM delivery WHERE kind = 'DIGEST' ORDER BY id""")
			.query()
			.listOfRows();
	}

	private void kase(String name, String dinas, String due, String responded) {
		Instant dueAt = Instant.parse(due);
		Instant assignedAt = dueAt.minus(Duration.ofHours(4));
		long caseId = this.jdbc
			.sql("""
					INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
					    beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
					VALUES (:ticket, 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', '35.10.05.2001', 'Alamat', :name, 'Uji',
					    'LANGSUNG', 'Data ringkasan harian', :filed, (SELECT id FROM app_user WHERE username = 'upt.muncar'))
					RETURNING id""")
			.param("ticket", "UGD-DG-" + name)
			.param("name", "Warga " + name)
			.param("filed", Timestamp.from(assignedAt))
			.query(Long.class)
			.single();
		String status = responded == null ? "MENUNGGU_RESPON" : "SELESAI";
		this.jdbc
			.sql("""
					INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at)
					VALUES (:c, :dinas, :status, :assigned, :due, :atRisk, :responded, :closed)""")
			.param("c", caseId)
			.param("dinas", dinas)
			.param("status", status)
			.param("assigned", Timestamp.from(assignedAt))
			.param("due", Timestamp.from(dueAt))
			.param("atRisk", Timestamp.from(dueAt.minus(Duration.ofHours(1))))
			.param("responded", responded == null ? null : Timestamp.from(Instant.parse(responded)))
			.param("closed", status.equals("MENUNGGU_RESPON") ? null : Timestamp.from(dueAt))
			.update();
	}

}
