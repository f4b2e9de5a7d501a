-- Cases (kasus/aduan), their assignments to dinas, attachments and timeline events.

CREATE SEQUENCE case_ticket_seq;

CREATE TABLE case_file (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket                varchar(20)  NOT NULL CONSTRAINT case_file_ticket_unique UNIQUE,
    access_code           varchar(8)   NOT NULL CHECK (access_code ~ '^[A-Z2-9]{6,8}$'),
    status                varchar(12)  NOT NULL CHECK (status IN ('TERBUKA', 'SELESAI', 'DITUTUP', 'DITOLAK')),
    priority              varchar(8)   NOT NULL CHECK (priority IN ('DARURAT', 'TINGGI', 'NORMAL')),
    kecamatan_code        varchar(8)   NOT NULL REFERENCES kecamatan (code),
    desa_code             varchar(13)  NOT NULL REFERENCES desa (code),
    address               varchar(300) NOT NULL,
    rt                    varchar(3),
    rw                    varchar(3),
    latitude              numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude             numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    beneficiary_name      varchar(100) NOT NULL,
    nik                   varchar(16)  CHECK (nik ~ '^[0-9]{16}$'),
    nik_unknown_reason    varchar(300),
    kk                    varchar(16)  CHECK (kk ~ '^[0-9]{16}$'),
    beneficiary_phone     varchar(16),
    reporter_name         varchar(100),
    reporter_phone        varchar(16),
    reporter_relation     varchar(100),
    reporter_confidential boolean      NOT NULL DEFAULT false,
    channel               varchar(15)  NOT NULL
        CHECK (channel IN ('LANGSUNG', 'WHATSAPP', 'TELEPON', 'MEDIA_SOSIAL', 'SURAT', 'PENJANGKAUAN', 'LAINNYA')),
    description           text         NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
    filed_at              timestamptz  NOT NULL,
    filed_by              bigint       NOT NULL REFERENCES app_user (id),
    idempotency_key       varchar(100),
    version               bigint       NOT NULL DEFAULT 0,
    CHECK (left(desa_code, 8) = kecamatan_code),
    -- The NIK is known, or the reason it is not is written down.
    CHECK ((nik IS NULL) <> (nik_unknown_reason IS NULL)),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    -- One case per submission: a retried form or API call with the same key finds the first case.
    CONSTRAINT case_file_idempotency UNIQUE (filed_by, idempotency_key)
);
CREATE INDEX case_file_kecamatan_filed ON case_file (kecamatan_code, filed_at DESC, id DESC);
CREATE INDEX case_file_filed ON case_file (filed_at DESC, id DESC);
CREATE INDEX case_file_nik ON case_file (nik) WHERE nik IS NOT NULL;
CREATE INDEX case_file_desa_name ON case_file (desa_code, lower(beneficiary_name));
CREATE INDEX case_file_name_prefix ON case_file (lower(beneficiary_name) text_pattern_ops);
CREATE INDEX case_file_open ON case_file (kecamatan_code) WHERE status = 'TERBUKA';

CREATE TABLE case_category (
    case_id       bigint      NOT NULL REFERENCES case_file (id),
    category_code varchar(40) NOT NULL REFERENCES category (code),
    PRIMARY KEY (case_id, category_code)
);
CREATE INDEX case_category_category ON case_category (category_code, case_id);

CREATE TABLE case_vulnerability (
    case_id bigint      NOT NULL REFERENCES case_file (id),
    flag    varchar(25) NOT NULL
        CHECK (flag IN ('LANSIA', 'SAKIT_MENAHUN', 'DISABILITAS', 'HIDUP_SENDIRI', 'BELUM_PERNAH_DIBANTU')),
    PRIMARY KEY (case_id, flag)
);

CREATE TABLE assignment (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id      bigint      NOT NULL REFERENCES case_file (id),
    dinas_code   varchar(20) NOT NULL REFERENCES dinas (code),
    status       varchar(15) NOT NULL
        CHECK (status IN ('MENUNGGU_RESPON', 'DIRESPON', 'SELESAI', 'DIKEMBALIKAN', 'DIBATALKAN')),
    assigned_at  timestamptz NOT NULL,
    due_at       timestamptz NOT NULL CHECK (due_at > assigned_at),
    responded_at timestamptz,
    closed_at    timestamptz,
    version      bigint      NOT NULL DEFAULT 0,
    CHECK (status <> 'MENUNGGU_RESPON' OR responded_at IS NULL),
    CHECK (status NOT IN ('DIRESPON', 'SELESAI') OR responded_at IS NOT NULL),
    CHECK ((status IN ('MENUNGGU_RESPON', 'DIRESPON')) = (closed_at IS NULL))
);
CREATE INDEX assignment_case ON assignment (case_id);
CREATE INDEX assignment_dinas_open ON assignment (dinas_code, due_at) WHERE status IN ('MENUNGGU_RESPON', 'DIRESPON');
-- The SLA clock: open assignments waiting for a response, by due time (read by lists and the sweeper).
CREATE INDEX assignment_waiting_due ON assignment (due_at) WHERE status = 'MENUNGGU_RESPON';
-- A dinas holds at most one open assignment per case.
CREATE UNIQUE INDEX assignment_one_open_per_dinas ON assignment (case_id, dinas_code)
    WHERE status IN ('MENUNGGU_RESPON', 'DIRESPON');

CREATE TABLE attachment (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id      bigint       NOT NULL REFERENCES case_file (id),
    filename     varchar(200) NOT NULL,
    content_type varchar(50)  NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes   integer      NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
    content      bytea        NOT NULL,
    uploaded_at  timestamptz  NOT NULL,
    uploaded_by  bigint       NOT NULL REFERENCES app_user (id)
);
CREATE INDEX attachment_case ON attachment (case_id);

-- The timeline: every change to a case, who, when, what and why. Never updated, never deleted.
CREATE TABLE case_event (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id       bigint       NOT NULL REFERENCES case_file (id),
    assignment_id bigint       REFERENCES assignment (id),
    type          varchar(30)  NOT NULL,
    dinas_code    varchar(20)  REFERENCES dinas (code),
    occurred_at   timestamptz  NOT NULL,
    actor_id      bigint       REFERENCES app_user (id),
    actor_name    varchar(100),
    actor_role    varchar(20),
    note          text
);
CREATE INDEX case_event_case ON case_event (case_id, occurred_at, id);
