-- :total cases over the last 400 days, the seed of DashboardBenchmark and of bench/run (generate_series, one or
-- two categories, one assignment and one event each; 1 in 50 open). Filed by upt.muncar.
-- Run in chunks by bench/run: psql -v from=.. -v to=.. -v total=..
WITH d AS (SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, kecamatan_code FROM desa),
cases AS (
    INSERT INTO case_file (ticket, access_code, status, priority, kecamatan_code, desa_code, address,
        beneficiary_name, nik_unknown_reason, channel, description, filed_at, filed_by, closed_at)
    SELECT 'UGD-80-' || lpad(g::text, 9, '0'), 'ABCDEF',
        CASE WHEN g % 50 = 0 THEN 'TERBUKA' WHEN g % 3 = 0 THEN 'SELESAI' ELSE 'DITUTUP' END,
        (ARRAY['NORMAL','NORMAL','TINGGI','DARURAT'])[1 + g % 4], d.kecamatan_code, d.code, 'Alamat',
        'Warga ' || g, 'Benchmark', 'LANGSUNG', 'Benchmark',
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
