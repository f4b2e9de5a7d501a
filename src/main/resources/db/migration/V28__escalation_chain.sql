-- The escalation chain: levels after a breach, each with its own clock (minutes after the due
-- time), its own at-risk warning (a share of its window, from the previous level's instant, or the
-- due time, to its own) and its recipients (roles or named users). The sla module owns the chain
-- (escalation_level, escalation_recipient); the cases module owns what happened to each assignment
-- (assignment_escalation and the columns on assignment).
CREATE TABLE escalation_level (
    level           smallint    PRIMARY KEY CHECK (level BETWEEN 1 AND 20),
    name            varchar(80) NOT NULL CHECK (length(trim(name)) > 0),
    after_minutes   integer     NOT NULL CHECK (after_minutes BETWEEN 0 AND 43200),
    at_risk_percent smallint    NOT NULL CHECK (at_risk_percent BETWEEN 1 AND 99),
    active          boolean     NOT NULL DEFAULT true,
    version         bigint      NOT NULL DEFAULT 0
);

-- Who hears of a level: a role (PETUGAS_DINAS: the staff of the assignment's own dinas; SEKRETARIAT,
-- PIMPINAN: all of them), or a named account (of the secretariat or the leadership, who see every
-- case).
CREATE TABLE escalation_recipient (
    level   smallint    NOT NULL REFERENCES escalation_level (level) ON DELETE CASCADE,
    role    varchar(20) CHECK (role IN ('PETUGAS_DINAS', 'SEKRETARIAT', 'PIMPINAN')),
    user_id bigint      REFERENCES app_user (id),
    CHECK ((role IS NULL) <> (user_id IS NULL))
);
CREATE UNIQUE INDEX escalation_recipient_role ON escalation_recipient (level, role) WHERE role IS NOT NULL;
CREATE UNIQUE INDEX escalation_recipient_user ON escalation_recipient (level, user_id) WHERE user_id IS NOT NULL;

-- Today's behaviour is the default chain: at the due time the breach itself tells the dinas and the
-- secretariat (as before, not a level, so nobody hears of it twice); one level tells the leadership
-- 4 hours later (the shipped ugd.sla.escalation-after).
INSERT INTO escalation_level (level, name, after_minutes, at_risk_percent) VALUES (1, 'Pimpinan', 240, 75);
INSERT INTO escalation_recipient (level, role) VALUES (1, 'PIMPINAN');

-- Each breached assignment's levels, fixed when the breach is recorded from the chain then in
-- force (name, instants), never moved afterwards: the level's instant (due_at) and its at-risk
-- instant (at_risk_from, NULL when its window is empty), each recorded once with the instant it
-- happened and the instant the sweeper noticed.
CREATE TABLE assignment_escalation (
    assignment_id       bigint      NOT NULL REFERENCES assignment (id),
    level               smallint    NOT NULL,
    name                varchar(80) NOT NULL,
    due_at              timestamptz NOT NULL,
    at_risk_from        timestamptz,
    at_risk_at          timestamptz,
    at_risk_detected_at timestamptz,
    escalated_at        timestamptz,
    detected_at         timestamptz,
    CONSTRAINT assignment_escalation_once UNIQUE (assignment_id, level),
    CHECK (at_risk_from IS NULL OR at_risk_from <= due_at),
    CHECK (at_risk_at IS NULL OR at_risk_at = at_risk_from),
    CHECK ((at_risk_at IS NULL) = (at_risk_detected_at IS NULL)),
    CHECK (escalated_at IS NULL OR escalated_at = due_at),
    CHECK ((escalated_at IS NULL) = (detected_at IS NULL))
);

-- The next instant something of the chain falls due for a waiting assignment (NULL: nothing left),
-- and the highest level reached. The sweeper reads only the rows of this partial index whose
-- instant has come: an idle sweep reads none, whatever the number of breached assignments.
ALTER TABLE assignment ADD COLUMN next_escalation_at timestamptz;
ALTER TABLE assignment ADD COLUMN escalation_level smallint;
CREATE INDEX assignment_sweep_escalation_chain ON assignment (next_escalation_at)
    WHERE status = 'MENUNGGU_RESPON' AND next_escalation_at IS NOT NULL;
DROP INDEX assignment_sweep_escalation;

-- What happened before the chain: an assignment escalated already reached level 1 at that instant;
-- one breached and still waiting gets level 1 at its due time + 4 hours.
INSERT INTO assignment_escalation (assignment_id, level, name, due_at, at_risk_from, at_risk_at, at_risk_detected_at,
                                   escalated_at, detected_at)
SELECT a.id, 1, 'Pimpinan', a.escalated_at, NULL, NULL, NULL, a.escalated_at, a.escalation_detected_at
  FROM assignment a WHERE a.escalated_at IS NOT NULL;
UPDATE assignment SET escalation_level = 1 WHERE escalated_at IS NOT NULL;
INSERT INTO assignment_escalation (assignment_id, level, name, due_at, at_risk_from)
SELECT a.id, 1, 'Pimpinan', a.due_at + interval '240 minutes', a.due_at + interval '180 minutes'
  FROM assignment a WHERE a.status = 'MENUNGGU_RESPON' AND a.breached_at IS NOT NULL AND a.escalated_at IS NULL;
UPDATE assignment a SET next_escalation_at = a.due_at + interval '180 minutes'
 WHERE a.status = 'MENUNGGU_RESPON' AND a.breached_at IS NOT NULL AND a.escalated_at IS NULL;

-- The level of the chain an ESCALATED / ESCALATION_AT_RISK timeline event is about ("Level n: name" is the
-- event's note), so the notifications find its recipients.
ALTER TABLE case_event ADD COLUMN escalation_level smallint;
UPDATE case_event SET escalation_level = 1, note = 'Level 1: Pimpinan' WHERE type = 'ESCALATED';
