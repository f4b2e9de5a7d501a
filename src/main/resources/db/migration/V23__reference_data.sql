-- Reference data the admin keeps in the browser (issue 17): per category a short guidance
-- text and up to three extra questions shown on the filing form (e.g. RTLH: "jenis kerusakan").
ALTER TABLE category
    ADD COLUMN guidance   varchar(500),
    ADD COLUMN question_1 varchar(200),
    ADD COLUMN question_2 varchar(200),
    ADD COLUMN question_3 varchar(200);

-- The answers to a category's extra questions, stored with the case: the question as it was
-- asked then (the admin may reword or drop it later; the case keeps what was asked).
CREATE TABLE case_category_answer (
    case_id       bigint       NOT NULL REFERENCES case_file (id),
    category_code varchar(40)  NOT NULL REFERENCES category (code),
    position      smallint     NOT NULL CHECK (position BETWEEN 1 AND 3),
    question      varchar(200) NOT NULL,
    answer        varchar(500) NOT NULL,
    PRIMARY KEY (case_id, category_code, position)
);

-- Who delivers an intervention: a government dinas, or a non-government partner (a CSR company
-- of the Forum TJSP, Baznas, another partner) with its programme's name.
CREATE TABLE provider (
    code       varchar(40)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    kind       varchar(20)  NOT NULL CHECK (kind IN ('DINAS', 'CSR', 'BAZNAS', 'MITRA_LAIN')),
    dinas_code varchar(20)  REFERENCES dinas (code),
    name       varchar(150) NOT NULL,
    programme  varchar(150),
    active     boolean      NOT NULL DEFAULT true,
    version    bigint       NOT NULL DEFAULT 0,
    CHECK ((kind = 'DINAS') = (dinas_code IS NOT NULL))
);
ALTER TABLE intervention ADD COLUMN provider_code varchar(40) REFERENCES provider (code);
