package id.ugdkemiskinan.sla;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import id.ugdkemiskinan.cases.AssignmentsFlagged;
import id.ugdkemiskinan.cases.AssignmentsFlagged.Flag;
import id.ugdkemiskinan.support.CaseData;
import id.ugdkemiskinan.support.IntegrationTest;
import id.ugdkemiskinan.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep publishes one {@link AssignmentsFlagged} per batch, not one event per
 * assignment.
 */
@IntegrationTest
@TestPropertySource(properties = "ugd.test.database=sla")
@RecordApplicationEvents
class SweepBatchEventTests {

	@Autowired
	SlaSweeper sweeper;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEvents events;

	@Test
	void twelveHundredBreachesArePublishedAsThreeBatches() {
		this.sweeper.sweep();
		this.events.clear();
		Instant due = this.clock.instant().minus(Duration.ofMinutes(5));
		this.jdbc.sql("""
				WITH cases AS (
				    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
				        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
				    SELECT 'UGD-98-' || lpad(g::text, 6, '0'), 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', :desa,
				        'Alamat', 'Warga ' || g, 'Uji', 'LANGSUNG', 'Uji penyapu per batch', :assigned, u.id
				    FROM generate_series(1, 1200) g, (SELECT id FROM app_user WHERE username = 'upt.muncar') u
				    RETURNING id)
				INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, at_risk_at,
				    at_risk_detected_at)
				SELECT id, 'DINSOS', 'MENUNGGU_RESPON', :assigned, :due, :atRisk, :atRisk, :atRisk FROM cases""")
			.param("desa", CaseData.MUNCAR_DESA)
			.param("assigned", Timestamp.from(due.minus(Duration.ofHours(4))))
			.param("due", Timestamp.from(due))
			.param("atRisk", Timestamp.from(due.minus(Duration.ofHours(1))))
			.update();

		SlaSweeper.Sweep sweep = this.sweeper.sweep();

		assertThat(sweep.breached()).isEqualTo(1200);
		List<AssignmentsFlagged> published = this.events.stream(AssignmentsFlagged.class).toList();
		assertThat(published).as("no other flag was due").allMatch(batch -> batch.flag() == Flag.BREACHED);
		assertThat(published).extracting(batch -> batch.assignments().size()).containsExactly(500, 500, 200);
		assertThat(published).allMatch(batch -> batch.detectedAt().equals(this.clock.instant()));
		assertThat(published.stream().flatMap(batch -> batch.assignments().stream()))
			.allMatch(flagged -> flagged.ticket().startsWith("UGD-98-") && flagged.dinasCode().equals("DINSOS")
					&& flagged.occurredAt().equals(due))
			.extracting(AssignmentsFlagged.Flagged::eventId)
			.doesNotHaveDuplicates()
			.hasSize(1200);
		long recipients = this.jdbc
			.sql("""
					SELECT count(*) FROM app_user WHERE enabled AND (role = 'SEKRETARIAT' OR (role = 'PETUGAS_DINAS' AND dinas_code = 'DINSOS'))""")
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM notification WHERE ticket LIKE 'UGD-98-%' AND kind = 'BREACHED'""")
			.query(Long.class)
			.single()).isEqualTo(1200 * recipients);
	}

}
