package id.ugdkemiskinan.residents.intake;

import java.time.Clock;
import java.time.LocalDate;

import id.ugdkemiskinan.cases.AidHistory;
import id.ugdkemiskinan.common.TimeProperties;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Belum pernah dibantu" from the data: no intervention recorded for the person (in any
 * household) or their household, or the KK's household, within the admin's
 * {@code never_helped_months} up to today; a data correction (an "usulan" or "sanggah",
 * {@code intervention.data_correction}) is no help. A resident the registry does not know
 * has none recorded.
 */
@Component
@Transactional(readOnly = true)
public class NeverHelped implements AidHistory {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TimeProperties time;

	NeverHelped(JdbcClient jdbc, Clock clock, TimeProperties time) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.time = time;
	}

	/** The months without recorded aid that make a resident "belum pernah dibantu". */
	public int months() {
		return this.jdbc.sql("SELECT never_helped_months FROM registry_setting WHERE id = 1")
			.query(Integer.class)
			.single();
	}

	@Override
	public boolean neverHelped(@Nullable String nik, @Nullable String kk) {
		if (nik == null && kk == null) {
			return true;
		}
		// One statement, the admin's period read with it.
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.time.zone());
		return this.jdbc
			.sql("""
					SELECT NOT (EXISTS (
					    SELECT 1 FROM household h
					    WHERE (h.id = (SELECT household_id FROM person WHERE nik = :nik) OR h.kk = :kk)
					      AND h.last_helped_on >= (:today - make_interval(months => s.never_helped_months))::date
					) OR EXISTS (
					    SELECT 1 FROM person p JOIN intervention_received r ON r.person_id = p.id
					    JOIN intervention i ON i.code = r.intervention_code AND NOT i.data_correction
					    WHERE p.nik = :nik AND r.received_on >= (:today - make_interval(months => s.never_helped_months))::date
					))
					FROM registry_setting s WHERE s.id = 1""")
			.param("nik", nik)
			.param("kk", kk)
			.param("today", today)
			.query(Boolean.class)
			.single();
	}

}
