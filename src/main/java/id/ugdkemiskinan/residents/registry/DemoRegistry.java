package id.ugdkemiskinan.residents.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import id.ugdkemiskinan.cases.CaseFiled;
import id.ugdkemiskinan.common.DemoMode;
import id.ugdkemiskinan.common.TimeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * Demo mode: the demo cases (seeded in SQL, so without their filing events) get their
 * beneficiaries linked as filing would, their resolutions recorded as aid, and a part of
 * the households a DTSEN desil and a PKH or BPNT history as an import would bring — so
 * that the intake panel, the person pages and the eligible list have something to show.
 */
@Component
@Order(30)
class DemoRegistry implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);

	private final DemoMode demoMode;

	private final JdbcClient jdbc;

	private final CaseLinking linking;

	private final Clock clock;

	private final TimeProperties time;

	DemoRegistry(DemoMode demoMode, JdbcClient jdbc, CaseLinking linking, Clock clock, TimeProperties time) {
		this.demoMode = demoMode;
		this.jdbc = jdbc;
		this.linking = linking;
		this.clock = clock;
		this.time = time;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demoMode.cases()
				|| this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM person)").query(Boolean.class).single()) {
			return;
		}
		List<Long> unlinked = this.jdbc.sql("""
				SELECT c.id FROM case_file c WHERE NOT EXISTS (SELECT 1 FROM person_case pc WHERE pc.case_id = c.id)
				ORDER BY c.filed_at, c.id""").query(Long.class).list();
		for (long caseId : unlinked) {
			this.linking.on(new CaseFiled(0, caseId, "", "", this.clock.instant()));
		}
		this.jdbc
			.sql("""
					INSERT INTO intervention_received (household_id, person_id, intervention_code, provider_code, received_on,
					                                   case_id, assignment_id, recorded_at)
					SELECT p.household_id, p.id, a.intervention_code, i.provider_code,
					       (a.closed_at AT TIME ZONE :zone)::date, a.case_id, a.id, :now
					FROM assignment a JOIN person_case pc ON pc.case_id = a.case_id JOIN person p ON p.id = pc.person_id
					JOIN intervention i ON i.code = a.intervention_code
					WHERE a.status = 'SELESAI'
					ON CONFLICT (assignment_id) DO NOTHING""")
			.param("zone", this.time.zone().getId())
			.param("now", utc(this.clock.instant()))
			.update();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.time.zone());
		long secretariat = this.jdbc.sql("SELECT id FROM app_user WHERE role = 'SEKRETARIAT' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		long dtsen = demoImport("DTSEN", "demo-dtsen.xlsx", secretariat);
		long pkh = demoImport("PKH", "demo-pkh.csv", secretariat);
		long bpnt = demoImport("BPNT", "demo-bpnt.csv", secretariat);
		Random random = new Random(2018);
		List<Long> households = this.jdbc.sql("SELECT id FROM household ORDER BY id").query(Long.class).list();
		for (long household : households) {
			if (random.nextInt(10) < 7) {
				int desil = 1 + random.nextInt(6);
				this.jdbc.sql("""
						INSERT INTO desil_record (household_id, desil, source, as_of, import_id, recorded_at)
						VALUES (:h, :desil, 'DTSEN (desil)', :asOf, :import, :now)""")
					.param("h", household)
					.param("desil", desil)
					.param("asOf", today.minusDays(75))
					.param("import", dtsen)
					.param("now", utc(this.clock.instant()))
					.update();
				this.jdbc.sql("""
						UPDATE household SET desil = :desil, desil_source = 'DTSEN (desil)', desil_as_of = :asOf
						WHERE id = :h""")
					.param("h", household)
					.param("desil", desil)
					.param("asOf", today.minusDays(75))
					.update();
				if (desil <= 3 && random.nextInt(10) < 5) {
					boolean isPkh = random.nextBoolean();
					aid(household, isPkh ? "PKH" : "SEMBAKO_BPNT",
							today.withDayOfMonth(1).minusMonths(3 + random.nextInt(30)), isPkh ? pkh : bpnt, today);
				}
			}
		}
		this.jdbc.sql("""
				UPDATE household h SET last_helped_on = (SELECT max(r.received_on) FROM intervention_received r
				                                        WHERE r.household_id = h.id)""").update();
		this.jdbc
			.sql("""
					UPDATE registry_import i SET rows_read = n, rows_added = n
					FROM (SELECT import_id, count(*) AS n FROM (
					        SELECT import_id FROM intervention_received WHERE import_id IS NOT NULL
					        UNION ALL SELECT import_id FROM desil_record WHERE import_id IS NOT NULL) r GROUP BY import_id) c
					WHERE c.import_id = i.id""")
			.update();
		log.info("Demo mode: linked {} demo cases to the registry and seeded {} households' desil and aid",
				unlinked.size(), households.size());
	}

	private long demoImport(String source, String filename, long by) {
		return this.jdbc.sql("""
				INSERT INTO registry_import (source_code, filename, content_sha256, status, total_bytes, read_bytes,
				                             started_by, started_at, finished_at)
				VALUES (:source, :filename, repeat('0', 64), 'SELESAI', 0, 0, :by, :now, :now) RETURNING id""")
			.param("source", source)
			.param("filename", filename)
			.param("by", by)
			.param("now", utc(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	private void aid(long household, String intervention, LocalDate since, long importId, LocalDate today) {
		for (LocalDate day = since; day.isBefore(since.plusMonths(9)) && !day.isAfter(today); day = day.plusMonths(3)) {
			this.jdbc
				.sql("""
						INSERT INTO intervention_received (household_id, intervention_code, received_on, import_id, recorded_at)
						VALUES (:h, :code, :day, :import, :now) ON CONFLICT DO NOTHING""")
				.param("h", household)
				.param("code", intervention)
				.param("day", day)
				.param("import", importId)
				.param("now", utc(this.clock.instant()))
				.update();
		}
	}

}
