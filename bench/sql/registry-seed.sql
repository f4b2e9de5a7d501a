-- The registry at Banyuwangi's size, the seed of RegistryBenchmark (issue 18): :households households
-- (KK '3510' + 12 digits) spread over every desa, :persons persons (about 3.1 per household; person g lives
-- in household 1 + (g - 1) % :households) with names made as bench/sql/seed.sql makes them and NIKs
-- '3510' + kecamatan + DDMMYY + serial, and :aid rows of aid (7 programmes from 2020 on) from one import per
-- programme; 6 in 10 households have a DTSEN desil. Ids are given (a fresh database), so the benchmark
-- knows who lives where. Run in chunks of persons and aid rows (:from .. :to) after the households.

-- households
INSERT INTO household (id, kk, kecamatan_code, desa_code, address, address_key, desil, desil_source, desil_as_of,
                       created_at)
OVERRIDING SYSTEM VALUE
SELECT h, '3510' || lpad(h::text, 12, '0'), d.kecamatan_code, d.code,
       'Dusun ' || (ARRAY['Krajan', 'Sumber', 'Kidul', 'Lor', 'Wetan', 'Kulon', 'Tengah', 'Baru'])[1 + h % 8]
           || ' RT ' || (1 + h % 12) || ' RW ' || (1 + h % 6) || ' No. ' || (h % 200),
       'dusun ' || (ARRAY['krajan', 'sumber', 'kidul', 'lor', 'wetan', 'kulon', 'tengah', 'baru'])[1 + h % 8]
           || ' rt ' || (1 + h % 12) || ' rw ' || (1 + h % 6) || ' no. ' || (h % 200),
       CASE WHEN h % 10 < 6 THEN 1 + (h * 31) % 10 END,
       CASE WHEN h % 10 < 6 THEN 'DTSEN (desil)' END,
       CASE WHEN h % 10 < 6 THEN DATE '2026-06-30' END,
       now()
FROM generate_series(1, :households) h
JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, kecamatan_code FROM desa) d
  ON d.i = h % (SELECT count(*) FROM desa);
-- persons
INSERT INTO person (id, nik, name, sex, birth_date, phone, household_id, kecamatan_code, desa_code, address,
                    created_at, updated_at)
OVERRIDING SYSTEM VALUE
SELECT g, '3510' || right(replace(hh.kecamatan_code, '.', ''), 2)
           || lpad((1 + g % 28 + CASE WHEN g % 2 = 0 THEN 40 ELSE 0 END)::text, 2, '0')
           || lpad((1 + (g / 28) % 12)::text, 2, '0') || lpad(((g / 336) % 100)::text, 2, '0')
           || lpad((g / 33600)::text, 4, '0'),
       CASE WHEN g % 100000 = 0 THEN 'Sainten' ELSE (ARRAY['Siti', 'Sri', 'Dewi', 'Ahmad', 'Muhammad',
           'Budi', 'Slamet', 'Sumarni', 'Suparmi', 'Sutrisno', 'Rina', 'Yuli', 'Agus', 'Bambang', 'Eko', 'Wahyu',
           'Nur', 'Tri', 'Endang', 'Sumiati', 'Kasiyah', 'Paini', 'Misnah', 'Joko', 'Hadi', 'Rudi', 'Yanti',
           'Ratna', 'Lilik', 'Anik', 'Sugeng', 'Supri', 'Imam', 'Fitri', 'Indah', 'Sulastri', 'Ponirah',
           'Karsih', 'Darmo', 'Ngatemi'])[1 + (g / 7) % 40] END
           || ' ' || initcap((ARRAY['kar', 'su', 'wi', 'har', 'to', 'mo', 'ja', 'di', 'ra', 'ni', 'sa', 'ti', 'pur',
               'wan', 'ta', 'yo', 'sen', 'dar', 'mi', 'ko'])[1 + (g::bigint * 7919) % 20]
           || (ARRAY['kar', 'su', 'wi', 'har', 'to', 'mo', 'ja', 'di', 'ra', 'ni', 'sa', 'ti', 'pur',
               'wan', 'ta', 'yo', 'sen', 'dar', 'mi', 'ko'])[1 + ((g::bigint * 7919) / 20) % 20]
           || (ARRAY['no', 'yah', 'ni', 'to', 'di', 'mi', 'ah', 'wati', 'jo', 'man', 'sih', 'tun', 'rah', 'yem',
               'ri', 'un', 'em', 'in', 'at', 'ono'])[1 + ((g::bigint * 7919) / 400) % 20]),
       CASE WHEN g % 2 = 0 THEN 'P' ELSE 'L' END,
       make_date(CASE WHEN (g / 336) % 100 > 26 THEN 1900 ELSE 2000 END + (g / 336) % 100, 1 + (g / 28) % 12,
                 1 + g % 28),
       CASE WHEN g % 3 <> 0 THEN '+628' || (ARRAY['12', '13', '21', '52', '57', '77'])[1 + g % 6]
           || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0') END,
       hh.id, hh.kecamatan_code, hh.desa_code, hh.address, now(), now()
FROM generate_series(:from, :to) g JOIN household hh ON hh.id = 1 + (g - 1) % :households;
-- aid
INSERT INTO intervention_received (household_id, person_id, intervention_code, received_on, import_id, recorded_at)
SELECT 1 + (r::bigint * 7919) % :households,
       CASE WHEN r % 4 = 3 THEN NULL ELSE 1 + (r::bigint * 7919) % :households + :households * (r % 3) END,
       (ARRAY['PKH', 'SEMBAKO_BPNT', 'PBI_JKN', 'KIP_BEASISWA', 'BEDAH_RUMAH_RTLH', 'BLT_DANA_DESA',
              'RUJUKAN_CSR_BAZNAS'])[1 + r % 7],
       DATE '2020-01-01' + (r % 2500),
       (SELECT id FROM registry_import WHERE source_code = (ARRAY['PKH', 'BPNT', 'PBI_JKN', 'KIP', 'RTLH', 'BLT_DD',
              'CSR_BAZNAS'])[1 + r % 7] ORDER BY id LIMIT 1),
       now()
FROM generate_series(:from, :to) r;
