-- Regions: the configured kabupaten's kecamatan and desa/kelurahan, loaded on start from the
-- bundled Kemendagri list (see regions/NOTICE.md). Codes are Kemendagri codes.
CREATE TABLE kabupaten (
    code varchar(5)   PRIMARY KEY CHECK (code ~ '^[0-9]{2}\.[0-9]{2}$'),
    name varchar(100) NOT NULL
);

CREATE TABLE kecamatan (
    code           varchar(8)   PRIMARY KEY CHECK (code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$'),
    kabupaten_code varchar(5)   NOT NULL REFERENCES kabupaten (code),
    name           varchar(100) NOT NULL,
    CHECK (left(code, 5) = kabupaten_code)
);
CREATE INDEX kecamatan_kabupaten ON kecamatan (kabupaten_code);

CREATE TABLE desa (
    code           varchar(13)  PRIMARY KEY CHECK (code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$'),
    kecamatan_code varchar(8)   NOT NULL REFERENCES kecamatan (code),
    name           varchar(100) NOT NULL,
    kind           varchar(10)  NOT NULL CHECK (kind IN ('DESA', 'KELURAHAN')),
    CHECK (left(code, 8) = kecamatan_code)
);
CREATE INDEX desa_kecamatan ON desa (kecamatan_code);

-- Agencies (dinas), categories and the routing rules between them. Data, editable by the admin.
CREATE TABLE dinas (
    code        varchar(20)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,19}$'),
    name        varchar(150) NOT NULL,
    secretariat boolean      NOT NULL DEFAULT false,
    active      boolean      NOT NULL DEFAULT true,
    version     bigint       NOT NULL DEFAULT 0
);
-- Exactly one dinas is the secretariat (KESRA): the routing target of last resort.
CREATE UNIQUE INDEX dinas_single_secretariat ON dinas (secretariat) WHERE secretariat;

CREATE TABLE category (
    code        varchar(40)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name        varchar(100) NOT NULL,
    description varchar(300) NOT NULL,
    sort_order  integer      NOT NULL,
    active      boolean      NOT NULL DEFAULT true,
    version     bigint       NOT NULL DEFAULT 0
);

CREATE TABLE routing_rule (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category_code varchar(40) NOT NULL REFERENCES category (code),
    dinas_code    varchar(20) NOT NULL REFERENCES dinas (code),
    UNIQUE (category_code, dinas_code)
);

INSERT INTO dinas (code, name, secretariat) VALUES
    ('DINSOS', 'Dinas Sosial', false),
    ('DINDIK', 'Dinas Pendidikan', false),
    ('DINKES', 'Dinas Kesehatan', false),
    ('BPMD',   'Badan Pemberdayaan Masyarakat dan Desa', false),
    ('KESRA',  'Sekretariat UGD (Bagian Kesejahteraan Rakyat)', true);

INSERT INTO category (code, name, description, sort_order) VALUES
    ('KESEHATAN', 'Kesehatan', 'Akses layanan kesehatan, biaya berobat, gizi buruk/stunting, BPJS PBI', 1),
    ('PENDIDIKAN', 'Pendidikan', 'Putus sekolah, biaya sekolah, beasiswa', 2),
    ('BANTUAN_SOSIAL', 'Bantuan sosial', 'PKH, bantuan pangan, lansia atau penyandang disabilitas terlantar, rehabilitasi', 3),
    ('RUMAH_TIDAK_LAYAK_HUNI', 'Rumah tidak layak huni', 'Rumah tidak layak huni, sanitasi, air bersih', 4),
    ('EKONOMI_PEKERJAAN', 'Ekonomi dan pekerjaan', 'Mata pencaharian, pekerjaan, modal usaha kecil', 5),
    ('LAINNYA', 'Lainnya', 'Pengaduan lain, ditelaah oleh Sekretariat UGD', 6);

INSERT INTO routing_rule (category_code, dinas_code) VALUES
    ('KESEHATAN', 'DINKES'),
    ('PENDIDIKAN', 'DINDIK'),
    ('BANTUAN_SOSIAL', 'DINSOS'),
    ('RUMAH_TIDAK_LAYAK_HUNI', 'BPMD'),
    ('EKONOMI_PEKERJAAN', 'BPMD'),
    ('LAINNYA', 'KESRA');

-- Accounts. Operators are bound to one kecamatan, dinas staff to one dinas; nobody else is bound.
CREATE TABLE app_user (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             varchar(50)  NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,49}$'),
    full_name            varchar(100) NOT NULL CHECK (length(trim(full_name)) > 0),
    password_hash        varchar(255) NOT NULL,
    role                 varchar(20)  NOT NULL
        CHECK (role IN ('OPERATOR_UPT', 'PETUGAS_DINAS', 'SEKRETARIAT', 'PIMPINAN', 'ADMIN')),
    kecamatan_code       varchar(8)   REFERENCES kecamatan (code),
    dinas_code           varchar(20)  REFERENCES dinas (code),
    enabled              boolean      NOT NULL DEFAULT true,
    must_change_password boolean      NOT NULL DEFAULT false,
    created_at           timestamptz  NOT NULL,
    version              bigint       NOT NULL DEFAULT 0,
    CONSTRAINT app_user_username_unique UNIQUE (username),
    CONSTRAINT app_user_operator_scope CHECK ((role = 'OPERATOR_UPT') = (kecamatan_code IS NOT NULL)),
    CONSTRAINT app_user_dinas_scope CHECK ((role = 'PETUGAS_DINAS') = (dinas_code IS NOT NULL))
);

-- Failed logins per typed user name (whether or not such an account exists, so that a lockout
-- reveals nothing about which accounts exist).
CREATE TABLE login_throttle (
    username        varchar(100) PRIMARY KEY,
    failures        integer      NOT NULL CHECK (failures >= 0),
    last_failure_at timestamptz  NOT NULL,
    locked_until    timestamptz
);

-- Spring Session JDBC (schema-postgresql.sql of spring-session-jdbc): sessions shared by every instance.
CREATE TABLE spring_session (
    primary_id            char(36) NOT NULL,
    session_id            char(36) NOT NULL,
    creation_time         bigint   NOT NULL,
    last_access_time      bigint   NOT NULL,
    max_inactive_interval int      NOT NULL,
    expiry_time           bigint   NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
