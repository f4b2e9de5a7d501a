-- The registry of residents and households (issue 18, module residents): who lives where, in
-- which household, what each has received (from a case's resolution or an imported programme
-- list), the household's welfare rank (desil), and who looked at which record.

-- A household: by its KK number, or, without one, by its address in the desa.
CREATE TABLE household (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kk             varchar(16)  CHECK (kk ~ '^[0-9]{16}$'),
    kecamatan_code varchar(8)   NOT NULL REFERENCES kecamatan (code),
    desa_code      varchar(13)  NOT NULL REFERENCES desa (code),
    address        varchar(300) NOT NULL,
    -- The folded address, the key of a household without KK (one per address in a desa).
    address_key    varchar(300) NOT NULL,
    -- The current welfare rank (the newest of desil_record), kept here for the lists.
    desil          smallint     CHECK (desil BETWEEN 1 AND 10),
    desil_source   varchar(100),
    desil_as_of    date,
    -- The newest intervention any member received (of intervention_received), kept here for
    -- "eligible but not helped".
    last_helped_on date,
    created_at     timestamptz  NOT NULL,
    CHECK (left(desa_code, 8) = kecamatan_code),
    CHECK ((desil IS NULL) = (desil_as_of IS NULL))
);
CREATE UNIQUE INDEX household_kk ON household (kk) WHERE kk IS NOT NULL;
CREATE UNIQUE INDEX household_address ON household (desa_code, address_key) WHERE kk IS NULL;
CREATE INDEX household_kecamatan_desil ON household (kecamatan_code, desil, last_helped_on);
CREATE INDEX household_desa_desil ON household (desa_code, desil, last_helped_on);
ALTER TABLE household ADD COLUMN search_address text GENERATED ALWAYS AS (' ' || ugd_search_fold(address)) STORED;
CREATE INDEX household_search_address ON household USING gin (search_address gin_trgm_ops);
CREATE INDEX household_kk_trgm ON household USING gin (kk gin_trgm_ops) WHERE kk IS NOT NULL;

-- A person: by NIK, or without one with the reason written down (no KTP is a case to solve).
CREATE TABLE person (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nik                varchar(16)  CHECK (nik ~ '^[0-9]{16}$'),
    nik_unknown_reason varchar(300),
    name               varchar(100) NOT NULL,
    -- From the NIK where there is one: 'L' or 'P', and the birth date.
    sex                char(1)      CHECK (sex IN ('L', 'P')),
    birth_date         date,
    phone              varchar(16),
    household_id       bigint       NOT NULL REFERENCES household (id),
    kecamatan_code     varchar(8)   NOT NULL REFERENCES kecamatan (code),
    desa_code          varchar(13)  NOT NULL REFERENCES desa (code),
    address            varchar(300) NOT NULL,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    CHECK ((nik IS NULL) <> (nik_unknown_reason IS NULL)),
    CHECK (left(desa_code, 8) = kecamatan_code)
);
CREATE UNIQUE INDEX person_nik ON person (nik) WHERE nik IS NOT NULL;
CREATE INDEX person_household ON person (household_id);
CREATE INDEX person_desa_name ON person (desa_code, lower(name));
ALTER TABLE person ADD COLUMN search_name text GENERATED ALWAYS AS (' ' || ugd_search_fold(name)) STORED;
CREATE INDEX person_search_name ON person USING gin (search_name gin_trgm_ops);
-- NIK and phone (local form, 08…), space-separated, for a search by any 4+ digits.
ALTER TABLE person ADD COLUMN search_numbers text GENERATED ALWAYS AS (
    coalesce(nik, '') || ' ' || coalesce(regexp_replace(phone, '^\+62', '0'), '')) STORED;
CREATE INDEX person_search_numbers ON person USING gin (search_numbers gin_trgm_ops);

-- Each case's beneficiary is one person: matched on NIK when filed, or (without NIK) a person
-- of its own until the operator confirms a suggested match (never merged silently).
CREATE TABLE person_case (
    case_id   bigint      PRIMARY KEY REFERENCES case_file (id),
    person_id bigint      NOT NULL REFERENCES person (id),
    linked_by varchar(10) NOT NULL CHECK (linked_by IN ('NIK', 'BARU', 'OPERATOR', 'MIGRASI')),
    linked_at timestamptz NOT NULL
);
CREATE INDEX person_case_person ON person_case (person_id);

-- Where programme lists and desil lists come from, with the column mapping saved per source.
CREATE TABLE import_source (
    code              varchar(40)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    kind              varchar(10)  NOT NULL CHECK (kind IN ('PROGRAM', 'DESIL')),
    name              varchar(150) NOT NULL,
    -- A programme list's rows are this intervention (of this provider).
    intervention_code varchar(40)  REFERENCES intervention (code),
    provider_code     varchar(40)  REFERENCES provider (code),
    -- Target field -> the file's column heading, e.g. {"nik": "NIK_KPM", "name": "NAMA"}.
    column_mapping    jsonb        NOT NULL DEFAULT '{}',
    active            boolean      NOT NULL DEFAULT true,
    version           bigint       NOT NULL DEFAULT 0,
    CHECK ((kind = 'PROGRAM') = (intervention_code IS NOT NULL))
);
INSERT INTO import_source (code, kind, name, intervention_code) VALUES
    ('PKH', 'PROGRAM', 'Program Keluarga Harapan (PKH)', 'PKH'),
    ('BPNT', 'PROGRAM', 'BPNT / Sembako', 'SEMBAKO_BPNT'),
    ('PBI_JKN', 'PROGRAM', 'PBI-JKN', 'PBI_JKN'),
    ('KIP', 'PROGRAM', 'KIP / PIP', 'KIP_BEASISWA'),
    ('RTLH', 'PROGRAM', 'Bedah rumah (RTLH)', 'BEDAH_RUMAH_RTLH'),
    ('BLT_DD', 'PROGRAM', 'BLT Dana Desa', 'BLT_DANA_DESA'),
    ('CSR_BAZNAS', 'PROGRAM', 'Bantuan CSR / Baznas', 'RUJUKAN_CSR_BAZNAS');
INSERT INTO import_source (code, kind, name) VALUES
    ('DTSEN', 'DESIL', 'DTSEN (desil)');

-- One upload of a list: its progress while it runs, its counts, and its undo.
CREATE TABLE registry_import (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_code    varchar(40)  NOT NULL REFERENCES import_source (code),
    filename       varchar(255) NOT NULL,
    content_sha256 varchar(64)  NOT NULL,
    status         varchar(10)  NOT NULL CHECK (status IN ('BERJALAN', 'SELESAI', 'GAGAL', 'DIBATALKAN')),
    total_bytes    bigint       NOT NULL,
    read_bytes     bigint       NOT NULL DEFAULT 0,
    rows_read      integer      NOT NULL DEFAULT 0,
    rows_added     integer      NOT NULL DEFAULT 0,
    rows_unchanged integer      NOT NULL DEFAULT 0,
    rows_failed    integer      NOT NULL DEFAULT 0,
    failure        varchar(500),
    started_by     bigint       NOT NULL REFERENCES app_user (id),
    started_at     timestamptz  NOT NULL,
    finished_at    timestamptz,
    undone_by      bigint       REFERENCES app_user (id),
    undone_at      timestamptz
);
CREATE INDEX registry_import_started ON registry_import (started_at DESC, id DESC);

-- The rows of an import that could not be read, for the downloadable error report.
CREATE TABLE import_row_error (
    import_id  bigint       NOT NULL REFERENCES registry_import (id),
    row_number integer      NOT NULL,
    field      varchar(40),
    value      varchar(200),
    message    varchar(300) NOT NULL,
    PRIMARY KEY (import_id, row_number, message)
);

-- What a household (and, where known, which member) received: a case's resolution, or a row
-- of an imported programme list. The same row imported twice is one row.
CREATE TABLE intervention_received (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household_id      bigint      NOT NULL REFERENCES household (id),
    person_id         bigint      REFERENCES person (id),
    intervention_code varchar(40) NOT NULL REFERENCES intervention (code),
    provider_code     varchar(40) REFERENCES provider (code),
    received_on       date        NOT NULL,
    case_id           bigint      REFERENCES case_file (id),
    assignment_id     bigint      UNIQUE REFERENCES assignment (id),
    import_id         bigint      REFERENCES registry_import (id),
    recorded_at       timestamptz NOT NULL,
    CHECK ((assignment_id IS NULL) <> (import_id IS NULL)),
    CHECK ((assignment_id IS NULL) = (case_id IS NULL))
);
CREATE UNIQUE INDEX intervention_received_row ON intervention_received
    (household_id, person_id, intervention_code, received_on) NULLS NOT DISTINCT WHERE import_id IS NOT NULL;
CREATE INDEX intervention_received_household ON intervention_received (household_id, received_on DESC);
CREATE INDEX intervention_received_person ON intervention_received (person_id, received_on DESC) WHERE person_id IS NOT NULL;
CREATE INDEX intervention_received_import ON intervention_received (import_id) WHERE import_id IS NOT NULL;

-- The household's desil over time, each with its source and date.
CREATE TABLE desil_record (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household_id bigint       NOT NULL REFERENCES household (id),
    desil        smallint     NOT NULL CHECK (desil BETWEEN 1 AND 10),
    source       varchar(100) NOT NULL,
    as_of        date         NOT NULL,
    import_id    bigint       REFERENCES registry_import (id),
    recorded_at  timestamptz  NOT NULL,
    CONSTRAINT desil_record_once UNIQUE (household_id, source, as_of)
);
CREATE INDEX desil_record_import ON desil_record (import_id) WHERE import_id IS NOT NULL;

-- Lokus prioritas: desa the admin marks.
CREATE TABLE priority_desa (
    desa_code varchar(13) PRIMARY KEY REFERENCES desa (code),
    marked_by bigint      NOT NULL REFERENCES app_user (id),
    marked_at timestamptz NOT NULL
);

-- The registry's rules, one row, set by the admin.
CREATE TABLE registry_setting (
    id                  smallint PRIMARY KEY CHECK (id = 1),
    -- "Belum pernah dibantu": no intervention recorded in this many months.
    never_helped_months integer  NOT NULL DEFAULT 12 CHECK (never_helped_months BETWEEN 1 AND 120),
    -- "Layak belum dibantu": desil 1..eligible_max_desil, no intervention in eligible_months.
    eligible_max_desil  smallint NOT NULL DEFAULT 4 CHECK (eligible_max_desil BETWEEN 1 AND 10),
    eligible_months     integer  NOT NULL DEFAULT 12 CHECK (eligible_months BETWEEN 1 AND 120),
    version             bigint   NOT NULL DEFAULT 0
);
INSERT INTO registry_setting (id) VALUES (1);

-- Every view and export of a person or household record: who, when, which record, which page.
CREATE TABLE registry_access (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint       NOT NULL REFERENCES app_user (id),
    accessed_at timestamptz  NOT NULL,
    record_type varchar(10)  NOT NULL CHECK (record_type IN ('PERSON', 'HOUSEHOLD', 'EXPORT')),
    record_id   bigint,
    page        varchar(200) NOT NULL
);
CREATE INDEX registry_access_record ON registry_access (record_type, record_id, accessed_at DESC);
CREATE INDEX registry_access_user ON registry_access (user_id, accessed_at DESC);
