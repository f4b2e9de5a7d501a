-- :total cases over the last 400 days, the seed of DashboardBenchmark, SearchBenchmark and of bench/run
-- (generate_series, one or two categories, one assignment and one event each; 1 in 50 open). Filed by
-- upt.muncar. Residents get varied names (honorific, one of 40 given names, a surname of three of 20
-- syllables: 8,000 of them; every 100,000th is "Sainten"), 3 in 4 a NIK, 1 in 2 a KK, 2 in 3 a phone,
-- so that searching them (SearchBenchmark) meets common, rarer and rare fragments as in real use.
-- Run in chunks by bench/run: psql -v from=.. -v to=.. -v total=..
WITH d AS (SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, kecamatan_code FROM desa),
cases AS (
    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
        beneficiary_name, nik, nik_unknown_reason, kk, beneficiary_phone, channel, description, filed_at, filed_by,
        closed_at)
    SELECT 'UGD-80-' || lpad(g::text, 9, '0'), 'ABCDEF',
        CASE WHEN g % 50 = 0 THEN 'TERBUKA' WHEN g % 3 = 0 THEN 'SELESAI' ELSE 'DITUTUP' END,
        (ARRAY['NORMAL','NORMAL','TINGGI','DARURAT'])[1 + g % 4], d.kecamatan_code, d.code, 'Alamat',
        (ARRAY['', 'Mbah ', 'Bu ', 'Pak ', 'Mbok ', '', 'Ibu '])[1 + g % 7]
            || CASE WHEN g % 100000 = 0 THEN 'Sainten' ELSE (ARRAY['Siti', 'Sri', 'Dewi', 'Ahmad', 'Muhammad',
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
        CASE WHEN g % 4 <> 0 THEN '3510' || lpad((1 + g % 25)::text, 2, '0')
            || lpad((1 + g % 28 + CASE WHEN g % 2 = 0 THEN 40 ELSE 0 END)::text, 2, '0')
            || lpad((1 + (g / 28) % 12)::text, 2, '0') || lpad(((g / 336) % 100)::text, 2, '0')
            || lpad((g % 10000)::text, 4, '0') END,
        CASE WHEN g % 4 = 0 THEN 'Benchmark' END,
        CASE WHEN g % 2 = 0 THEN '3510' || lpad(((g::bigint * 104729) % 1000000000000)::text, 12, '0') END,
        CASE WHEN g % 3 <> 0 THEN '+628' || (ARRAY['12', '13', '21', '52', '57', '77'])[1 + g % 6]
            || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0') END,
        'LANGSUNG', 'Benchmark',
        now() - (g::double precision / :total) * interval '400 days',
        (SELECT id FROM app_user WHERE username = 'upt.muncar'),
        CASE WHEN g % 50 <> 0 AND g % 3 <> 0 THEN now() END
    FROM generate_series(:from, :to) g JOIN d ON d.i = g % (SELECT count(*) FROM d)
    RETURNING id, status, filed_at),
cats AS (
    INSERT INTO case_category (case_id, category_code)
    SELECT id, (ARRAY['KESEHATAN','PENDIDIKAN','BANTUAN_SOSIAL','RUMAH_TIDAK_LAYAK_HUNI','EKONOMI_PEKERJAAN'])[1 + id % 5]
    FROM cases RETURNING case_id),
assignments AS (
    INSERT INTO assignment (case_id, dinas_code, status, assigned_at, due_at, at_risk_from, responded_at, closed_at)
    SELECT id, (ARRAY['DINKES','DINDIK','DINSOS','BPMD','BPMD'])[1 + id % 5],
        CASE WHEN status = 'TERBUKA' THEN 'MENUNGGU_RESPON' ELSE 'SELESAI' END,
        filed_at, filed_at + interval '4 hours', filed_at + interval '3 hours',
        CASE WHEN status = 'TERBUKA' THEN NULL ELSE filed_at + (id % 300) * interval '1 minute' END,
        CASE WHEN status = 'TERBUKA' THEN NULL ELSE filed_at + interval '2 days' END
    FROM cases RETURNING id, case_id, dinas_code, assigned_at)
INSERT INTO case_event (case_id, assignment_id, type, dinas_code, occurred_at, actor_name)
SELECT case_id, id, 'ROUTED', dinas_code, assigned_at, 'Benchmark' FROM assignments;
