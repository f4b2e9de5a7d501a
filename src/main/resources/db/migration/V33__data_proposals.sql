-- Data correction as interventions (issue 18): a dinas that resolves its assignment with
-- "usulan perbaikan data (desil)", "usul masuk DTSEN" or "sanggah penerima" makes a proposal
-- that waits for verval (field verification) on a clock of its own, fixed when it is made.

-- Interventions that correct the data rather than help: never counted as "helped".
ALTER TABLE intervention ADD COLUMN data_correction boolean NOT NULL DEFAULT false;
INSERT INTO intervention (code, name, sort_order, data_correction)
SELECT v.code, v.name, coalesce((SELECT max(sort_order) FROM intervention), 0) + v.n, true
  FROM (VALUES ('USUL_PERBAIKAN_DESIL', 'Usulan perbaikan data (desil)', 1),
               ('USUL_MASUK_DTSEN', 'Usul masuk DTSEN', 2),
               ('SANGGAH_PENERIMA', 'Sanggah penerima', 3)) AS v (code, name, n)
ON CONFLICT (code) DO UPDATE SET data_correction = true;

-- The verval time per kind: this many days, counted on this SLA calendar (24/7: 24 hours a
-- day; a working-hours calendar: working days). A change applies to proposals made from then on.
CREATE TABLE data_proposal_setting (
    kind        varchar(40) PRIMARY KEY REFERENCES intervention (code),
    verval_days smallint    NOT NULL DEFAULT 2 CHECK (verval_days BETWEEN 1 AND 30),
    calendar_id bigint      NOT NULL REFERENCES sla_calendar (id),
    version     bigint      NOT NULL DEFAULT 0
);
INSERT INTO data_proposal_setting (kind, calendar_id)
SELECT i.code, (SELECT min(id) FROM sla_calendar WHERE always_open)
  FROM intervention i WHERE i.data_correction;

-- One proposal per resolved assignment.
CREATE TABLE data_proposal (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           varchar(40)  NOT NULL REFERENCES intervention (code),
    case_id        bigint       NOT NULL REFERENCES case_file (id),
    assignment_id  bigint       NOT NULL UNIQUE REFERENCES assignment (id),
    -- The beneficiary in the registry where known when it was made.
    household_id   bigint       REFERENCES household (id),
    person_id      bigint       REFERENCES person (id),
    -- Where the household lives (else where the case was filed): the desa of its verval.
    kecamatan_code varchar(8)   NOT NULL REFERENCES kecamatan (code),
    desa_code      varchar(13)  NOT NULL REFERENCES desa (code),
    proposed_at    timestamptz  NOT NULL,
    proposed_by    varchar(20)  NOT NULL REFERENCES dinas (code),
    -- Fixed when it is made, never moved; with whether it was counted in working days.
    due_at         timestamptz  NOT NULL,
    due_in_working_days boolean NOT NULL,
    status         varchar(10)  NOT NULL DEFAULT 'MENUNGGU' CHECK (status IN ('MENUNGGU', 'DITERIMA', 'DITOLAK')),
    decided_at     timestamptz,
    decided_by     bigint       REFERENCES app_user (id),
    decision_note  varchar(500),
    -- The due time, recorded once when it passed without a decision.
    breached_at    timestamptz,
    breach_detected_at timestamptz,
    CHECK (due_at > proposed_at),
    CHECK (left(desa_code, 8) = kecamatan_code),
    CHECK ((status = 'MENUNGGU') = (decided_at IS NULL)),
    CHECK ((decided_at IS NULL) = (decided_by IS NULL)),
    CHECK (breached_at IS NULL OR breached_at = due_at)
);
-- The sweep's rows: waiting and not yet flagged, by due time.
CREATE INDEX data_proposal_sweep ON data_proposal (due_at) WHERE status = 'MENUNGGU' AND breached_at IS NULL;
CREATE INDEX data_proposal_list ON data_proposal (kecamatan_code, desa_code, (status <> 'MENUNGGU'), due_at, id);
CREATE INDEX data_proposal_case ON data_proposal (case_id);
