package id.ugdkemiskinan.notifications;

import javax.sql.DataSource;

import id.ugdkemiskinan.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V14 on a database with notifications written before it: each gets the ticket, dinas and
 * instant of its timeline event, as the bell's page showed them by joining case_event and
 * case_file.
 */
class NotificationColumnsMigrationTests {

	@Test
	void notificationsWrittenBeforeV14GetTheTicketDinasAndInstantOfTheirEvent() {
		DataSource database = TestDatabase.get().dataSource("notification_columns_" + System.nanoTime() % 100000);
		Flyway.configure().dataSource(database).locations("classpath:db/migration").target("13").load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql(
				"""
						INSERT INTO kabupaten (code, name) VALUES ('35.10', 'Banyuwangi');
						INSERT INTO kecamatan (code, kabupaten_code, name) VALUES ('35.10.05', '35.10', 'Muncar');
						INSERT INTO desa (code, kecamatan_code, name, kind) VALUES ('35.10.05.2002', '35.10.05', 'Tembokrejo', 'DESA');
						INSERT INTO app_user (username, full_name, password_hash, role, kecamatan_code, dinas_code, created_at)
						VALUES ('upt.muncar', 'UPT', 'x', 'OPERATOR_UPT', '35.10.05', NULL, now()),
						       ('dinkes', 'Dinkes', 'x', 'PETUGAS_DINAS', NULL, 'DINKES', now());
						INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
						    beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by)
						SELECT 'UGD-26-000042', 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', '35.10.05.2002', 'Alamat', 'Warga', 'Uji',
						    'LANGSUNG', 'Uji', '2026-11-23T07:00:00Z', id FROM app_user WHERE username = 'upt.muncar';
						INSERT INTO case_event (case_id, type, dinas_code, occurred_at)
						SELECT id, 'ROUTED', 'DINKES', '2026-11-23T07:05:00Z' FROM case_file;
						INSERT INTO case_event (case_id, type, dinas_code, occurred_at)
						SELECT id, 'REJECTED', NULL, '2026-11-23T09:00:00Z' FROM case_file;
						INSERT INTO notification (user_id, event_id, case_id, kind, created_at)
						SELECT u.id, e.id, e.case_id, CASE e.type WHEN 'ROUTED' THEN 'ROUTED' ELSE 'CASE_REJECTED' END, e.occurred_at
						FROM case_event e JOIN app_user u ON u.username = CASE e.type WHEN 'ROUTED' THEN 'dinkes' ELSE 'upt.muncar' END
						""")
			.update();

		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

		assertThat(jdbc
			.sql("""
					SELECT kind || ' ' || ticket || ' ' || coalesce(dinas_code, '-') || ' ' || to_char(occurred_at AT TIME ZONE 'UTC', 'HH24:MI')
					FROM notification ORDER BY id""")
			.query(String.class)
			.list()).containsExactly("ROUTED UGD-26-000042 DINKES 07:05", "CASE_REJECTED UGD-26-000042 - 09:00");
	}

}
