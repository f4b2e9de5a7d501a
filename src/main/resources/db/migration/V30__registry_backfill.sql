-- Every case filed before the registry gets its beneficiary as a person (issue 18), as filing
-- does from now on: a NIK is one person (with the newest case's name, phone and address), a
-- beneficiary without NIK a person of their own (a match is for the operator to confirm, never
-- merged here); the household is the KK's, or the address's in the desa. What the dinas
-- resolved those cases with becomes what the household received.

CREATE FUNCTION pg_temp.nik_birth(nik text, today date) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    y int := 2000 + substr(nik, 11, 2)::int;
    b date;
BEGIN
    IF y > extract(year FROM today) THEN
        y := y - 100;
    END IF;
    b := make_date(y, substr(nik, 9, 2)::int, substr(nik, 7, 2)::int % 40);
    IF b > today THEN
        b := b - interval '100 years';
    END IF;
    RETURN b;
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;

-- The KK of each NIK: the newest case's that gives one.
CREATE TEMP TABLE nik_kk AS
SELECT DISTINCT ON (nik) nik, kk FROM case_file WHERE nik IS NOT NULL AND kk IS NOT NULL
ORDER BY nik, filed_at DESC, id DESC;

-- Households by KK, where the newest case with that KK says.
INSERT INTO household (kk, kecamatan_code, desa_code, address, address_key, created_at)
SELECT DISTINCT ON (kk) kk, kecamatan_code, desa_code, address, ugd_search_fold(address), filed_at
FROM case_file WHERE kk IS NOT NULL
ORDER BY kk, filed_at DESC, id DESC;

-- Households by address: cases without KK whose NIK (if any) never came with one.
INSERT INTO household (kecamatan_code, desa_code, address, address_key, created_at)
SELECT DISTINCT ON (c.desa_code, ugd_search_fold(c.address)) c.kecamatan_code, c.desa_code, c.address,
       ugd_search_fold(c.address), c.filed_at
FROM case_file c
WHERE c.kk IS NULL AND (c.nik IS NULL OR NOT EXISTS (SELECT 1 FROM nik_kk n WHERE n.nik = c.nik))
ORDER BY c.desa_code, ugd_search_fold(c.address), c.filed_at DESC, c.id DESC;

-- One person per NIK, as the newest case tells.
INSERT INTO person (nik, name, sex, birth_date, phone, household_id, kecamatan_code, desa_code, address,
                    created_at, updated_at)
SELECT c.nik, c.beneficiary_name,
       CASE WHEN substr(c.nik, 7, 2)::int > 40 THEN 'P' ELSE 'L' END,
       pg_temp.nik_birth(c.nik, current_date),
       c.beneficiary_phone,
       coalesce((SELECT h.id FROM nik_kk n JOIN household h ON h.kk = n.kk WHERE n.nik = c.nik),
                (SELECT h.id FROM household h WHERE h.kk IS NULL AND h.desa_code = c.desa_code
                 AND h.address_key = ugd_search_fold(c.address))),
       c.kecamatan_code, c.desa_code, c.address, c.filed_at, c.filed_at
FROM (SELECT DISTINCT ON (nik) * FROM case_file WHERE nik IS NOT NULL ORDER BY nik, filed_at DESC, id DESC) c;

INSERT INTO person_case (case_id, person_id, linked_by, linked_at)
SELECT c.id, p.id, 'MIGRASI', now() FROM case_file c JOIN person p ON p.nik = c.nik;

-- A person of their own for each case without NIK.
ALTER TABLE person ADD COLUMN migrated_case_id bigint;
INSERT INTO person (nik_unknown_reason, name, phone, household_id, kecamatan_code, desa_code, address,
                    created_at, updated_at, migrated_case_id)
SELECT c.nik_unknown_reason, c.beneficiary_name, c.beneficiary_phone,
       coalesce((SELECT h.id FROM household h WHERE h.kk = c.kk),
                (SELECT h.id FROM household h WHERE h.kk IS NULL AND h.desa_code = c.desa_code
                 AND h.address_key = ugd_search_fold(c.address))),
       c.kecamatan_code, c.desa_code, c.address, c.filed_at, c.filed_at, c.id
FROM case_file c WHERE c.nik IS NULL;
INSERT INTO person_case (case_id, person_id, linked_by, linked_at)
SELECT migrated_case_id, id, 'MIGRASI', now() FROM person WHERE migrated_case_id IS NOT NULL;
ALTER TABLE person DROP COLUMN migrated_case_id;

-- A person lives where their household does (the registry's scope is the household's).
UPDATE person p SET kecamatan_code = h.kecamatan_code, desa_code = h.desa_code
FROM household h WHERE h.id = p.household_id AND p.desa_code <> h.desa_code;

-- What the dinas resolved with, on the day (WIB) it did.
INSERT INTO intervention_received (household_id, person_id, intervention_code, provider_code, received_on,
                                   case_id, assignment_id, recorded_at)
SELECT p.household_id, p.id, a.intervention_code, i.provider_code, (a.closed_at AT TIME ZONE 'Asia/Jakarta')::date,
       a.case_id, a.id, now()
FROM assignment a
JOIN person_case pc ON pc.case_id = a.case_id
JOIN person p ON p.id = pc.person_id
JOIN intervention i ON i.code = a.intervention_code
WHERE a.status = 'SELESAI';

UPDATE household h SET last_helped_on = r.last
FROM (SELECT household_id, max(received_on) AS last FROM intervention_received GROUP BY household_id) r
WHERE r.household_id = h.id;
