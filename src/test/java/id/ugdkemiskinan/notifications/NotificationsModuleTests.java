package id.ugdkemiskinan.notifications;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import id.ugdkemiskinan.cases.AssignmentRouted;
import id.ugdkemiskinan.cases.AssignmentsFlagged;
import id.ugdkemiskinan.cases.AssignmentsFlagged.Flag;
import id.ugdkemiskinan.cases.AssignmentsFlagged.Flagged;
import id.ugdkemiskinan.cases.CaseRejected;
import id.ugdkemiskinan.support.TestClockConfiguration;
import id.ugdkemiskinan.support.TestcontainersConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notifications module alone (no cases, users or agency beans), on a database of its
 * own with only the migrations: the events of the cases module, published by hand, become
 * notification rows for the right people. The rows the foreign keys point at (a
 * kecamatan, accounts, a case and its timeline events) are written here by SQL.
 */
@ApplicationModuleTest
@Import({ TestcontainersConfiguration.class, TestClockConfiguration.class })
@TestPropertySource(properties = { "ugd.test.database=notifications_module", "ugd.embedded-postgres.enabled=false",
		"ugd.demo.enabled=false", "ugd.sla.sweep-enabled=false", "ugd.dashboard.rollup-enabled=false" })
class NotificationsModuleTests {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	private static final String KECAMATAN = "35.99.01";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher publisher;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	long caseId;

	String ticket;

	@BeforeEach
	void aCaseWithStaffAround() {
		this.jdbc.sql("""
				INSERT INTO kabupaten (code, name) VALUES ('35.99', 'Uji') ON CONFLICT DO NOTHING""").update();
		this.jdbc
			.sql("""
					INSERT INTO kecamatan (code, kabupaten_code, name) VALUES (:k, '35.99', 'Uji') ON CONFLICT DO NOTHING""")
			.param("k", KECAMATAN)
			.update();
		this.jdbc.sql("""
				INSERT INTO desa (code, kecamatan_code, name, kind) VALUES (:k || '.2001', :k, 'Uji', 'DESA')
				ON CONFLICT DO NOTHING""").param("k", KECAMATAN).update();
		this.jdbc
			.sql("""
					INSERT INTO app_user (username, full_name, password_hash, role, kecamatan_code, dinas_code, enabled, created_at)
					VALUES ('modul.upt', 'UPT', 'x', 'OPERATOR_UPT', :k, NULL, true, now()),
					       ('modul.upt.off', 'UPT nonaktif', 'x', 'OPERATOR_UPT', :k, NULL, false, now()),
					       ('modul.dinkes', 'Dinkes', 'x', 'PETUGAS_DINAS', NULL, 'DINKES', true, now()),
					       ('modul.dinsos', 'Dinsos', 'x', 'PETUGAS_DINAS', NULL, 'DINSOS', true, now()),
					       ('modul.kesra', 'Kesra', 'x', 'PETUGAS_DINAS', NULL, 'KESRA', true, now()),
					       ('modul.sekretariat', 'Sekretariat', 'x', 'SEKRETARIAT', NULL, NULL, true, now()),
					       ('modul.pimpinan', 'Pimpinan', 'x', 'PIMPINAN', NULL, NULL, true, now())
					ON CONFLICT DO NOTHING""")
			.param("k", KECAMATAN)
			.update();
		this.ticket = "UGD-97-" + "%06d".formatted(SERIAL.incrementAndGet());
		this.caseId = this.jdbc.sql("""
				INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
				    beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
				SELECT :ticket, 'ABCDEF', 'TERBUKA', 'NORMAL', :k, :k || '.2001', 'Alamat', 'Warga', 'Uji', 'LANGSUNG',
				    'Uji modul notifikasi', :now, id FROM app_user WHERE username = 'modul.upt'
				RETURNING id""")
			.param("ticket", this.ticket)
			.param("k", KECAMATAN)
			.param("now", Timestamp.from(this.now))
			.query(Long.class)
			.single();
	}

	@Test
	void aNewAssignmentRingsItsDinas(Scenario scenario) {
		long event = event("ROUTED", "DINKES");
		scenario
			.publish(new AssignmentRouted(event, this.caseId, this.ticket, KECAMATAN, 1, "DINKES", this.now,
					this.now.plus(Duration.ofHours(4))))
			.andWaitForStateChange(() -> notified(event), rows -> !rows.isEmpty())
			.andVerify(rows -> assertThat(rows).containsExactly("ROUTED:modul.dinkes:" + this.ticket + ":DINKES"));
	}

	@Test
	void aNewTriageAssignmentRingsTheSecretariat(Scenario scenario) {
		long event = event("ROUTED", "KESRA");
		scenario
			.publish(new AssignmentRouted(event, this.caseId, this.ticket, KECAMATAN, 1, "KESRA", this.now,
					this.now.plus(Duration.ofHours(4))))
			.andWaitForStateChange(() -> notified(event), rows -> !rows.isEmpty())
			.andVerify(
					rows -> assertThat(rows).containsExactlyInAnyOrder("ROUTED:modul.kesra:" + this.ticket + ":KESRA",
							"ROUTED:modul.sekretariat:" + this.ticket + ":KESRA"));
	}

	@Test
	void aBatchOfBreachesRingsEachDinasAndTheSecretariatInOneGo(Scenario scenario) {
		long dinkes = event("BREACHED", "DINKES");
		long dinsos = event("BREACHED", "DINSOS");
		Instant due = this.now.minus(Duration.ofMinutes(1));
		scenario
			.publish(new AssignmentsFlagged(Flag.BREACHED, this.now,
					List.of(new Flagged(dinkes, this.caseId, this.ticket, 1, "DINKES", due),
							new Flagged(dinsos, this.caseId, this.ticket, 2, "DINSOS", due))))
			.andWaitForStateChange(() -> notified(dinkes, dinsos), rows -> rows.size() == 4)
			.andVerify(rows -> assertThat(rows).containsExactlyInAnyOrder(
					"BREACHED:modul.dinkes:" + this.ticket + ":DINKES",
					"BREACHED:modul.sekretariat:" + this.ticket + ":DINKES",
					"BREACHED:modul.dinsos:" + this.ticket + ":DINSOS",
					"BREACHED:modul.sekretariat:" + this.ticket + ":DINSOS"));
		assertThat(this.jdbc
			.sql("SELECT DISTINCT occurred_at = :due AND created_at = :now FROM notification WHERE ticket = :t")
			.param("due", Timestamp.from(due))
			.param("now", Timestamp.from(this.now))
			.param("t", this.ticket)
			.query(Boolean.class)
			.list()).containsExactly(true);
	}

	@Test
	void anEscalationRingsTheLeadershipOnly(Scenario scenario) {
		long event = event("ESCALATED", "DINKES");
		scenario
			.publish(new AssignmentsFlagged(Flag.ESCALATED, this.now,
					List.of(new Flagged(event, this.caseId, this.ticket, 1, "DINKES", this.now))))
			.andWaitForStateChange(() -> notified(event), rows -> !rows.isEmpty())
			.andVerify(rows -> assertThat(rows).containsExactly("ESCALATED:modul.pimpinan:" + this.ticket + ":DINKES"));
	}

	@Test
	void aRejectedCaseRingsTheEnabledUptOfItsKecamatanOnce(Scenario scenario) {
		long event = event("REJECTED", null);
		CaseRejected rejected = new CaseRejected(event, this.caseId, this.ticket, KECAMATAN, null, this.now);
		scenario.publish(rejected)
			.andWaitForStateChange(() -> notified(event), rows -> !rows.isEmpty())
			.andVerify(rows -> assertThat(rows).containsExactly("CASE_REJECTED:modul.upt:" + this.ticket + ":-"));
		scenario.publish(rejected)
			.andWaitForStateChange(() -> notified(event))
			.andVerify(rows -> assertThat(rows).as("told once").hasSize(1));
	}

	@Test
	void anEventPublishedOutsideATransactionIsRefusedNotNotifiedOnItsOwn() {
		long event = event("ROUTED", "DINKES");
		assertThatThrownBy(() -> this.publisher.publishEvent(new AssignmentRouted(event, this.caseId, this.ticket,
				KECAMATAN, 1, "DINKES", this.now, this.now.plus(Duration.ofHours(4)))))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(notified(event)).isEmpty();
	}

	private long event(String type, String dinas) {
		return this.jdbc.sql("""
				INSERT INTO case_event (case_id, type, dinas_code, occurred_at) VALUES (:case, :type, :dinas, :now)
				RETURNING id""")
			.param("case", this.caseId)
			.param("type", type)
			.param("dinas", dinas)
			.param("now", Timestamp.from(this.now))
			.query(Long.class)
			.single();
	}

	/**
	 * kind:username:ticket:dinas of the notifications of these events, read from the
	 * notification table alone.
	 */
	private List<String> notified(Long... events) {
		return this.jdbc.sql("""
				SELECT n.kind || ':' || u.username || ':' || n.ticket || ':' || coalesce(n.dinas_code, '-')
				FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.event_id IN (:events) ORDER BY n.id""")
			.param("events", List.of(events))
			.query(String.class)
			.list();
	}

}
