-- Dinas workflow, triage and closure: the interventions a dinas resolves with, and what the
-- lifecycle records on assignments and cases.

CREATE TABLE intervention (
    code       varchar(40)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name       varchar(100) NOT NULL,
    sort_order integer      NOT NULL,
    active     boolean      NOT NULL DEFAULT true,
    version    bigint       NOT NULL DEFAULT 0
);

INSERT INTO intervention (code, name, sort_order) VALUES
    ('PBI_JKN', 'Kepesertaan PBI-JKN (BPJS Kesehatan)', 1),
    ('LAYANAN_KESEHATAN', 'Layanan kesehatan / rujukan berobat', 2),
    ('PKH', 'Program Keluarga Harapan (PKH)', 3),
    ('SEMBAKO_BPNT', 'Sembako / BPNT', 4),
    ('BANTUAN_PANGAN_DARURAT', 'Bantuan pangan darurat', 5),
    ('KIP_BEASISWA', 'KIP / beasiswa', 6),
    ('KEMBALI_SEKOLAH', 'Kembali bersekolah', 7),
    ('BEDAH_RUMAH_RTLH', 'Bedah rumah (RTLH)', 8),
    ('BLT_DANA_DESA', 'BLT Dana Desa', 9),
    ('MODAL_USAHA_PELATIHAN', 'Modal usaha / pelatihan', 10),
    ('ADMINDUK', 'Layanan adminduk (KTP, KK, akta)', 11),
    ('RUJUKAN_CSR_BAZNAS', 'Rujukan CSR / BAZNAS', 12),
    ('LAINNYA', 'Lainnya', 13);

ALTER TABLE assignment ADD COLUMN intervention_code varchar(40) REFERENCES intervention (code);
ALTER TABLE case_file ADD COLUMN duplicate_of bigint REFERENCES case_file (id);
ALTER TABLE case_file ADD COLUMN closed_at timestamptz;
ALTER TABLE case_file ADD CONSTRAINT case_file_closed_at CHECK ((status = 'DITUTUP') = (closed_at IS NOT NULL));
ALTER TABLE case_file ADD CONSTRAINT case_file_duplicate_not_self CHECK (duplicate_of IS NULL OR duplicate_of <> id);
