-- Holds ("menunggu dokumen/warga"): a dinas that has responded may put its assignment on hold with a
-- reason, for at most the configured time. A hold never applies before the first response (the
-- response clock cannot be paused): only a responded assignment can be held, which the workflow
-- checks. A hold ends by a resume, at its limit (the sweeper, recorded at limit_at, the instant it
-- happened, with the instant it was noticed beside it), or when the assignment closes. At most one
-- open hold per assignment. Nothing is deleted.
CREATE TABLE assignment_hold (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assignment_id     bigint       NOT NULL REFERENCES assignment (id),
    reason            varchar(500) NOT NULL CHECK (length(trim(reason)) > 0),
    held_by           bigint       REFERENCES app_user (id),
    held_by_name      varchar(100),
    started_at        timestamptz  NOT NULL,
    limit_at          timestamptz  NOT NULL CHECK (limit_at > started_at),
    ended_at          timestamptz,
    end_reason        varchar(20)
        CHECK (end_reason IN ('RESUMED', 'LIMIT_REACHED', 'RESOLVED', 'RETURNED', 'CANCELLED')),
    ended_by_name     varchar(100),
    limit_detected_at timestamptz,
    CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
    CHECK (ended_at IS NULL OR (ended_at >= started_at AND ended_at <= limit_at)),
    CHECK ((end_reason = 'LIMIT_REACHED') = (limit_detected_at IS NOT NULL)),
    CHECK (end_reason <> 'LIMIT_REACHED' OR ended_at = limit_at)
);
CREATE INDEX assignment_hold_assignment ON assignment_hold (assignment_id, started_at);
-- One open hold per assignment.
CREATE UNIQUE INDEX assignment_hold_one_open ON assignment_hold (assignment_id) WHERE ended_at IS NULL;
-- What the sweeper looks for: open holds by the instant their limit passes (as small as the open holds).
CREATE INDEX assignment_hold_sweep ON assignment_hold (limit_at) WHERE ended_at IS NULL;
-- The dashboard's hold time in a period: holds by start.
CREATE INDEX assignment_hold_started ON assignment_hold (started_at);

-- The longest a hold may last, set by the admin (one row). The limit of a hold is fixed when it starts.
CREATE TABLE sla_hold_setting (
    id          boolean PRIMARY KEY DEFAULT true CHECK (id),
    max_minutes integer NOT NULL CHECK (max_minutes BETWEEN 60 AND 43200),
    version     bigint  NOT NULL DEFAULT 0
);
INSERT INTO sla_hold_setting (max_minutes) VALUES (4320);
