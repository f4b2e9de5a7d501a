package id.ugdkemiskinan.dashboard;

import javax.sql.DataSource;

import id.ugdkemiskinan.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V26 on a database of before: each case gets the resident's wait from its timeline (the
 * first response of a dinas that is not the secretariat, whatever came later), and every
 * rolled-up span, built when returns counted as responses, is dirty, so readers take it
 * from the raw tables until it is rebuilt.
 */
class ReturnsMigrationTests {

	@Test
	void casesOfBeforeGetTheirWaitAndRolledUpSpansAreRebuilt() {
		DataSource database = TestDatabase.get().dataSource("ugd_returns_migration_" + System.nanoTime() % 100000);
		Flyway.configure().dataSource(database).locations("classpath:db/migration").target("25").load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql(
				"""
						INSERT INTO kabupaten (code, name) VALUES ('35.10', 'Banyuwangi');
						INSERT INTO kecamatan (code, kabupaten_code, name) VALUES ('35.10.05', '35.10', 'Muncar');
						INSERT INTO desa (code, kecamatan_code, name, kind) VALUES ('35.10.05.2002', '35.10.05', 'Tembokrejo', 'DESA');
						INSERT INTO app_user (username, full_name, password_hash, role, kecamatan_code, dinas_code, created_at)
						VALUES ('upt.muncar', 'UPT', 'x', 'OPERATOR_UPT', '35.10.05', NULL, now());
						INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
						    beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
						SELECT 'UGD-26-00000' || g, 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', '35.10.05.2002', 'Alamat', 'Warga', 'Uji',
						    'LANGSUNG', 'Uji', TIMESTAMPTZ '2026-11-23T01:00:00Z', u.id
						FROM app_user u, generate_series(1, 3) g WHERE u.username = 'upt.muncar';
						-- Case 1: DINDIK returns at 03.20 (a RETURNED event), the secretariat responds to its triage at
						-- 04.00 and routes on, DINSOS responds at 06.20, DINKES at 07.00.
						INSERT INTO case_event (case_id, type, dinas_code, occurred_at)
						SELECT c.id, e.type, e.dinas, e.at FROM case_file c, (VALUES
						    ('RETURNED', 'DINDIK', TIMESTAMPTZ '2026-11-23T04:20:00Z'),
						    ('RESPONDED', 'KESRA', TIMESTAMPTZ '2026-11-23T05:00:00Z'),
						    ('TRIAGED', 'KESRA', TIMESTAMPTZ '2026-11-23T05:10:00Z'),
						    ('RESPONDED', 'DINSOS', TIMESTAMPTZ '2026-11-23T06:20:00Z'),
						    ('RESPONDED_LATE', 'DINKES', TIMESTAMPTZ '2026-11-23T07:00:00Z')) e (type, dinas, at)
						WHERE c.ticket = 'UGD-26-000001';
						-- Case 2: a late first response.
						INSERT INTO case_event (case_id, type, dinas_code, occurred_at)
						SELECT id, 'RESPONDED_LATE', 'DINKES', TIMESTAMPTZ '2026-11-23T09:30:00Z' FROM case_file
						WHERE ticket = 'UGD-26-000002';
						-- Case 3: nothing yet.
						INSERT INTO dashboard_span (grain, span_start, span_end, noticed_at, built_at, dirty) VALUES
						    ('D', TIMESTAMPTZ '2026-11-22 00:00+07', TIMESTAMPTZ '2026-11-23 00:00+07', now(), now(), false),
						    ('M', TIMESTAMPTZ '2026-10-01 00:00+07', TIMESTAMPTZ '2026-11-01 00:00+07', now(), NULL, true);
						""")
			.update();

		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

		assertThat(jdbc.sql("""
				SELECT ticket || ' ' || coalesce(to_char(first_response_at AT TIME ZONE 'UTC', 'HH24:MI'), '-')
				FROM case_file ORDER BY ticket""").query(String.class).list()).containsExactly("UGD-26-000001 06:20",
				"UGD-26-000002 09:30", "UGD-26-000003 -");
		assertThat(
				jdbc.sql("SELECT grain || ':' || dirty FROM dashboard_span ORDER BY grain").query(String.class).list())
			.containsExactly("D:true", "M:true");
		assertThat(jdbc.sql("SELECT count(*) FROM dashboard_overdue WHERE returned <> 0 OR returned_late <> 0")
			.query(Long.class)
			.single()).isZero();
	}

}
