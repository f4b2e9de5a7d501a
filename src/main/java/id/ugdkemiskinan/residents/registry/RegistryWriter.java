package id.ugdkemiskinan.residents.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import id.ugdkemiskinan.common.TimeProperties;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * Writes the registry's records one at a time, race-safe (a concurrent writer of the same
 * KK, address or NIK finds the other's row): households by KK or address, persons by NIK
 * (or a new one without), and what a household received. Callers run it inside their own
 * transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class RegistryWriter {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TimeProperties time;

	RegistryWriter(JdbcClient jdbc, Clock clock, TimeProperties time) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.time = time;
	}

	/**
	 * The household of this KK, or (without KK) of this address in the desa; made if new.
	 */
	public long household(@Nullable String kk, String desaCode, String address) {
		Instant now = this.clock.instant();
		if (kk != null) {
			this.jdbc.sql("""
					INSERT INTO household (kk, kecamatan_code, desa_code, address, address_key, created_at)
					VALUES (:kk, left(:desa, 8), :desa, :address, ugd_search_fold(:address), :now)
					ON CONFLICT (kk) WHERE kk IS NOT NULL DO NOTHING""")
				.param("kk", kk)
				.param("desa", desaCode)
				.param("address", address)
				.param("now", utc(now))
				.update();
			return this.jdbc.sql("SELECT id FROM household WHERE kk = :kk").param("kk", kk).query(Long.class).single();
		}
		this.jdbc.sql("""
				INSERT INTO household (kecamatan_code, desa_code, address, address_key, created_at)
				VALUES (left(:desa, 8), :desa, :address, ugd_search_fold(:address), :now)
				ON CONFLICT (desa_code, address_key) WHERE kk IS NULL DO NOTHING""")
			.param("desa", desaCode)
			.param("address", address)
			.param("now", utc(now))
			.update();
		return this.jdbc.sql("""
				SELECT id FROM household WHERE kk IS NULL AND desa_code = :desa
				AND address_key = ugd_search_fold(:address)""")
			.param("desa", desaCode)
			.param("address", address)
			.query(Long.class)
			.single();
	}

	/**
	 * The person of this NIK, made if new and otherwise brought up to date with what was
	 * just told (name, phone if given, household, address); without NIK always a new
	 * person. A person's desa and kecamatan are always their household's (the registry's
	 * scope is the household's, and the search filters persons by it).
	 */
	public long person(@Nullable String nik, @Nullable String nikUnknownReason, String name, @Nullable String phone,
			String desaCode, String address, long householdId) {
		Instant now = this.clock.instant();
		NikFacts facts = NikFacts.of(nik, LocalDate.ofInstant(now, this.time.zone()));
		if (nik == null) {
			return this.jdbc.sql("""
					INSERT INTO person (nik_unknown_reason, name, phone, household_id, kecamatan_code, desa_code,
					                    address, created_at, updated_at)
					SELECT :reason, :name, :phone, h.id, h.kecamatan_code, h.desa_code, :address, :now, :now
					FROM household h WHERE h.id = :household
					RETURNING id""")
				.param("reason", (nikUnknownReason != null) ? nikUnknownReason : "-")
				.param("name", name)
				.param("phone", phone)
				.param("household", householdId)
				.param("desa", desaCode)
				.param("address", address)
				.param("now", utc(now))
				.query(Long.class)
				.single();
		}
		return this.jdbc.sql("""
				INSERT INTO person (nik, name, sex, birth_date, phone, household_id, kecamatan_code, desa_code, address,
				                    created_at, updated_at)
				SELECT :nik, :name, :sex, :birth, :phone, h.id, h.kecamatan_code, h.desa_code, :address, :now, :now
				FROM household h WHERE h.id = :household
				ON CONFLICT (nik) WHERE nik IS NOT NULL DO UPDATE SET
				    name = EXCLUDED.name, phone = coalesce(EXCLUDED.phone, person.phone),
				    household_id = EXCLUDED.household_id, kecamatan_code = EXCLUDED.kecamatan_code,
				    desa_code = EXCLUDED.desa_code, address = EXCLUDED.address, updated_at = EXCLUDED.updated_at
				RETURNING id""")
			.param("nik", nik)
			.param("name", name)
			.param("sex", facts.sex())
			.param("birth", facts.birthDate())
			.param("phone", phone)
			.param("household", householdId)
			.param("desa", desaCode)
			.param("address", address)
			.param("now", utc(now))
			.query(Long.class)
			.single();
	}

	/**
	 * Keeps the household's newest intervention date after one was added on {@code day}.
	 */
	public void helped(long householdId, LocalDate day) {
		this.jdbc.sql("""
				UPDATE household SET last_helped_on = :day
				WHERE id = :id AND (last_helped_on IS NULL OR last_helped_on < :day)""")
			.param("id", householdId)
			.param("day", day)
			.update();
	}

	/**
	 * Recomputes the households' newest intervention dates, e.g. after an import's undo.
	 */
	public void recomputeHelped(Long[] householdIds) {
		this.jdbc.sql("""
				UPDATE household h SET last_helped_on =
				    (SELECT max(r.received_on) FROM intervention_received r
				     JOIN intervention i ON i.code = r.intervention_code AND NOT i.data_correction
				     WHERE r.household_id = h.id)
				WHERE h.id = ANY(:ids)""").param("ids", householdIds).update();
	}

}
