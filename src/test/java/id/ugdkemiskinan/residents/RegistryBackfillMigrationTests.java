package id.ugdkemiskinan.residents;

import javax.sql.DataSource;

import id.ugdkemiskinan.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V30 on a database of before the registry: a NIK's cases become one person with the
 * newest case's name and the KK any case gave, each case without NIK a person of its own
 * (never merged), households by KK or by address, and resolutions what the household
 * received.
 */
class RegistryBackfillMigrationTests {

	@Test
	void casesOfBeforeAreLinkedToPersonsAndTheirResolutionsBecomeAid() {
		DataSource database = TestDatabase.get().dataSource("ugd_registry_migration_" + System.nanoTime() % 100000);
		Flyway.configure().dataSource(database).locations("classpath:db/migration").target("29").load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql(
				"""
						INSERT INTO kabupaten (code, name) VALUES ('35.10', 'Banyuwangi');
						INSERT INTO kecamatan (code, kabupaten_code, name) VALUES ('35.10.05', '35.10', 'Muncar');
						INSERT INTO desa (code, kecamatan_code, name, kind) VALUES ('35.10.05.2002', '35.10.05', 'Tembokrejo', 'DESA');
						INSERT INTO app_user (username, full_name, password_hash, role, kecamatan_code, dinas_code, created_at)
						VALUES ('upt.muncar', 'UPT', 'x', 'OPERATOR_UPT', '35.10.05', NULL, now());
						INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
						    beneficiary_name, nik, nik_unknown_reason, kk, channel, description, filed_at, filed_by)
						SELECT t.ticket, 'ABCDEF', 'TERBUKA', 'NORMAL', '35.10.05', '35.10.05.2002', t.address, t.name, t.nik,
						    t.reason, t.kk, 'LANGSUNG', 'Uji', t.filed, u.id
						FROM app_user u, (VALUES
						    ('UGD-26-000001', 'Siti Lama', '3510055203800001', NULL, NULL, 'Dusun Krajan 1', TIMESTAMPTZ '2026-01-05T01:00:00Z'),
						    ('UGD-26-000002', 'Siti Aminah', '3510055203800001', NULL, '3510051203800001', 'Dusun Krajan  1', TIMESTAMPTZ '2026-03-05T01:00:00Z'),
						    ('UGD-26-000003', 'Mbah Sarmini', NULL, 'Belum punya KTP', NULL, 'Dusun Sumber 9', TIMESTAMPTZ '2026-04-05T01:00:00Z'),
						    ('UGD-26-000004', 'Mbah Sarmini', NULL, 'Belum punya KTP', NULL, 'dusun sumber 9', TIMESTAMPTZ '2026-05-05T01:00:00Z'),
						    ('UGD-26-000005', 'Pak Darto', '3510051505700002', NULL, NULL, 'Dusun Sumber 9', TIMESTAMPTZ '2026-06-05T01:00:00Z')
						) t (ticket, name, nik, reason, kk, address, filed)
						WHERE u.username = 'upt.muncar';
						INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at, intervention_code)
						SELECT id, 'DINSOS', 'SELESAI', filed_at, filed_at + interval '4 hours', filed_at + interval '3 hours', filed_at + interval '1 hour',
						       TIMESTAMPTZ '2026-03-06T20:00:00Z', 'PKH'
						FROM case_file WHERE ticket = 'UGD-26-000002';
						INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from)
						SELECT id, 'DINKES', 'MENUNGGU_RESPON', filed_at, filed_at + interval '4 hours', filed_at + interval '3 hours'
						FROM case_file WHERE ticket = 'UGD-26-000005';
						""")
			.update();

		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

		assertThat(jdbc.sql("""
				SELECT c.ticket || ' ' || p.name || ' ' || coalesce(p.nik, '-') || ' ' || coalesce(p.sex, '-') || ' '
				       || coalesce(p.birth_date::text, '-') || ' ' || coalesce(h.kk, 'alamat:' || h.address_key) || ' '
				       || pc.linked_by
				FROM person_case pc JOIN case_file c ON c.id = pc.case_id JOIN person p ON p.id = pc.person_id
				JOIN household h ON h.id = p.household_id ORDER BY c.ticket""").query(String.class).list())
			.containsExactly("UGD-26-000001 Siti Aminah 3510055203800001 P 1980-03-12 3510051203800001 MIGRASI",
					"UGD-26-000002 Siti Aminah 3510055203800001 P 1980-03-12 3510051203800001 MIGRASI",
					"UGD-26-000003 Mbah Sarmini - - - alamat:dusun sumber 9 MIGRASI",
					"UGD-26-000004 Mbah Sarmini - - - alamat:dusun sumber 9 MIGRASI",
					"UGD-26-000005 Pak Darto 3510051505700002 L 1970-05-15 alamat:dusun sumber 9 MIGRASI");
		assertThat(jdbc.sql("SELECT count(*) FROM person WHERE name = 'Mbah Sarmini'").query(Long.class).single())
			.as("never merged without NIK")
			.isEqualTo(2);
		assertThat(jdbc.sql("""
				SELECT r.intervention_code || ' ' || r.received_on || ' ' || h.last_helped_on
				FROM intervention_received r JOIN household h ON h.id = r.household_id""").query(String.class).list())
			.containsExactly("PKH 2026-03-07 2026-03-07");
	}

}
