package id.ugdkemiskinan.residents.imports;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static id.ugdkemiskinan.common.SqlTime.utc;

/**
 * Writes one batch of good rows set-based, in the caller's transaction: into a temporary
 * staging table in one statement (arrays unnested), then households (by KK, else by the
 * folded address in the desa, as {@code RegistryWriter}), persons by NIK (new ones with
 * sex and birth date from the NIK; a known person is left as the registry has them), and
 * the rows themselves ({@code intervention_received} or {@code desil_record}), each
 * {@code ON CONFLICT DO
 * NOTHING} so that a row already in counts as unchanged.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class BatchWriter {

	private static final String STAGE = """
			CREATE TEMP TABLE IF NOT EXISTS imp_stage (
			    row_no bigint, nik varchar(16), kk varchar(16), name varchar(100), desa_code varchar(13),
			    address varchar(300), address_key varchar(300), phone varchar(16), day date, desil smallint, sex char(1), birth_date date,
			    household_id bigint, person_id bigint) ON COMMIT DELETE ROWS""";

	private final JdbcClient jdbc;

	BatchWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return how many rows were added (the rest of the batch was already there)
	 */
	int write(long importId, ImportSource source, List<RowReader.Staged> rows, Instant now) {
		if (rows.isEmpty()) {
			return 0;
		}
		this.jdbc.sql(STAGE).update();
		copy(rows);
		this.jdbc.sql("ANALYZE imp_stage").update();
		// A person known by NIK, on a row without KK: their household.
		this.jdbc.sql("""
				UPDATE imp_stage s SET household_id = p.household_id, person_id = p.id
				FROM person p WHERE s.kk IS NULL AND s.nik IS NOT NULL AND p.nik = s.nik""").update();
		// A new household gets its newest aid date (or desil) with its row: updating it
		// afterwards would write every new household twice.
		String facts = source.desil() ? "NULL, desil, CAST(:source AS varchar), day"
				: "max(day) OVER w, NULL, NULL, NULL";
		this.jdbc.sql("""
				INSERT INTO household (kk, kecamatan_code, desa_code, address, address_key, last_helped_on, desil,
				                       desil_source, desil_as_of, created_at, created_by_import)
				SELECT DISTINCT ON (kk) kk, left(desa_code, 8), desa_code, address, address_key, %s, :now, :import
				FROM imp_stage WHERE kk IS NOT NULL
				WINDOW w AS (PARTITION BY kk)
				ORDER BY kk, day DESC, row_no
				ON CONFLICT (kk) WHERE kk IS NOT NULL DO NOTHING""".formatted(facts))
			.param("now", utc(now))
			.param("import", importId)
			.param("source", source.name())
			.update();
		this.jdbc.sql("""
				UPDATE imp_stage s SET household_id = h.id FROM household h
				WHERE s.kk IS NOT NULL AND h.kk = s.kk""").update();
		this.jdbc.sql("""
				INSERT INTO household (kecamatan_code, desa_code, address, address_key, last_helped_on, desil,
				                       desil_source, desil_as_of, created_at, created_by_import)
				SELECT DISTINCT ON (desa_code, address_key) left(desa_code, 8), desa_code, address, address_key, %s,
				       :now, :import
				FROM imp_stage WHERE household_id IS NULL
				WINDOW w AS (PARTITION BY desa_code, address_key)
				ORDER BY desa_code, address_key, day DESC, row_no
				ON CONFLICT (desa_code, address_key) WHERE kk IS NULL DO NOTHING""".formatted(facts))
			.param("now", utc(now))
			.param("import", importId)
			.param("source", source.name())
			.update();
		this.jdbc.sql("""
				UPDATE imp_stage s SET household_id = h.id FROM household h
				WHERE s.household_id IS NULL AND h.kk IS NULL AND h.desa_code = s.desa_code
				  AND h.address_key = s.address_key""").update();
		this.jdbc
			.sql("""
					INSERT INTO person (nik, name, sex, birth_date, phone, household_id, kecamatan_code, desa_code, address,
					                    created_at, updated_at, created_by_import)
					SELECT DISTINCT ON (s.nik) s.nik, s.name, s.sex, s.birth_date, s.phone, s.household_id, h.kecamatan_code,
					       h.desa_code, s.address, :now, :now, :import
					FROM imp_stage s JOIN household h ON h.id = s.household_id
					WHERE s.nik IS NOT NULL AND s.person_id IS NULL ORDER BY s.nik, s.row_no
					ON CONFLICT (nik) WHERE nik IS NOT NULL DO NOTHING""")
			.param("now", utc(now))
			.param("import", importId)
			.update();
		this.jdbc.sql("""
				UPDATE imp_stage s SET person_id = p.id FROM person p
				WHERE s.nik IS NOT NULL AND s.person_id IS NULL AND p.nik = s.nik""").update();
		return source.desil() ? desil(importId, source, now) : programme(importId, source, now);
	}

	private int programme(long importId, ImportSource source, Instant now) {
		int added = this.jdbc.sql("""
				WITH added AS (
				    INSERT INTO intervention_received (household_id, person_id, intervention_code, provider_code,
				                                       received_on, import_id, recorded_at)
				    SELECT DISTINCT ON (household_id, person_id, day) household_id, person_id, :intervention,
				           :provider, day, :import, :now
				    FROM imp_stage ORDER BY household_id, person_id, day, row_no
				    ON CONFLICT (household_id, person_id, intervention_code, received_on) WHERE import_id IS NOT NULL
				    DO NOTHING RETURNING 1)
				SELECT count(*) FROM added""")
			.param("intervention", source.interventionCode())
			.param("provider", source.providerCode())
			.param("import", importId)
			.param("now", utc(now))
			.query(Integer.class)
			.single();
		// As RegistryWriter.helped, for the whole batch at once.
		this.jdbc.sql("""
				UPDATE household h SET last_helped_on = m.day
				FROM (SELECT household_id, max(day) AS day FROM imp_stage GROUP BY household_id) m
				WHERE h.id = m.household_id AND (h.last_helped_on IS NULL OR h.last_helped_on < m.day)""").update();
		return added;
	}

	private int desil(long importId, ImportSource source, Instant now) {
		int added = this.jdbc.sql("""
				WITH added AS (
				    INSERT INTO desil_record (household_id, desil, source, as_of, import_id, recorded_at)
				    SELECT DISTINCT ON (household_id, day) household_id, desil, :source, day, :import, :now
				    FROM imp_stage ORDER BY household_id, day, row_no
				    ON CONFLICT ON CONSTRAINT desil_record_once DO NOTHING RETURNING 1)
				SELECT count(*) FROM added""")
			.param("source", source.name())
			.param("import", importId)
			.param("now", utc(now))
			.query(Integer.class)
			.single();
		this.jdbc.sql(currentDesil("x.id IN (SELECT household_id FROM imp_stage)")).update();
		return added;
	}

	/**
	 * The current desil of the households {@code condition} selects (SQL on
	 * {@code x.id}): the newest desil record (by date, then the later recorded), or none;
	 * written only where it changes.
	 */
	static String currentDesil(String condition) {
		return """
				UPDATE household h SET desil = d.desil, desil_source = d.source, desil_as_of = d.as_of
				FROM (SELECT x.id, r.desil, r.source, r.as_of FROM household x
				      LEFT JOIN LATERAL (SELECT r.desil, r.source, r.as_of FROM desil_record r WHERE r.household_id = x.id
				                         ORDER BY r.as_of DESC, r.id DESC LIMIT 1) r ON true
				      WHERE %s) d
				WHERE h.id = d.id AND (h.desil, h.desil_source, h.desil_as_of) IS DISTINCT FROM (d.desil, d.source, d.as_of)"""
			.formatted(condition);
	}

	/**
	 * The rows into the staging table in one statement: each column bound as an array.
	 */
	private void copy(List<RowReader.Staged> rows) {
		int n = rows.size();
		Long[] rowNo = new Long[n];
		String[] nik = new String[n];
		String[] kk = new String[n];
		String[] name = new String[n];
		String[] desa = new String[n];
		String[] address = new String[n];
		String[] phone = new String[n];
		String[] day = new String[n];
		Integer[] desil = new Integer[n];
		String[] sex = new String[n];
		String[] birth = new String[n];
		for (int i = 0; i < n; i++) {
			RowReader.Staged row = rows.get(i);
			rowNo[i] = row.rowNumber();
			nik[i] = row.nik();
			kk[i] = row.kk();
			name[i] = row.name();
			desa[i] = row.desaCode();
			address[i] = row.address();
			phone[i] = row.phone();
			day[i] = row.day().toString();
			desil[i] = row.desil();
			sex[i] = row.sex();
			birth[i] = (row.birthDate() != null) ? row.birthDate().toString() : null;
		}
		this.jdbc
			.sql("""
					INSERT INTO imp_stage (row_no, nik, kk, name, desa_code, address, address_key, phone, day, desil, sex,
					                       birth_date)
					SELECT r.row_no, r.nik, r.kk, r.name, r.desa_code, r.address, ugd_search_fold(r.address), r.phone, r.day,
					       r.desil, r.sex, r.birth_date
					FROM unnest(CAST(:rowNo AS bigint[]), CAST(:nik AS varchar[]), CAST(:kk AS varchar[]),
					    CAST(:name AS varchar[]), CAST(:desa AS varchar[]), CAST(:address AS varchar[]),
					    CAST(:phone AS varchar[]), CAST(:day AS date[]), CAST(:desil AS smallint[]), CAST(:sex AS char(1)[]),
					    CAST(:birth AS date[])) AS r (row_no, nik, kk, name, desa_code, address, phone, day, desil, sex, birth_date)""")
			.param("rowNo", rowNo)
			.param("nik", nik)
			.param("kk", kk)
			.param("name", name)
			.param("desa", desa)
			.param("address", address)
			.param("phone", phone)
			.param("day", day)
			.param("desil", desil)
			.param("sex", sex)
			.param("birth", birth)
			.update();
	}

}
