-- The four-hour promise on record: when each waiting assignment became at risk, breached and
-- escalated (each recorded once, with the instant it happened and the instant the sweeper noticed),
-- and the in-app notifications those events cause.

ALTER TABLE assignment ADD COLUMN at_risk_from timestamptz;
UPDATE assignment SET at_risk_from = assigned_at + (due_at - assigned_at) * 0.75;
ALTER TABLE assignment ALTER COLUMN at_risk_from SET NOT NULL;
ALTER TABLE assignment ADD CONSTRAINT assignment_at_risk_window CHECK (at_risk_from BETWEEN assigned_at AND due_at);

ALTER TABLE assignment ADD COLUMN at_risk_at timestamptz;
ALTER TABLE assignment ADD COLUMN at_risk_detected_at timestamptz;
ALTER TABLE assignment ADD COLUMN breached_at timestamptz;
ALTER TABLE assignment ADD COLUMN breach_detected_at timestamptz;
ALTER TABLE assignment ADD COLUMN escalated_at timestamptz;
ALTER TABLE assignment ADD COLUMN escalation_detected_at timestamptz;
ALTER TABLE assignment ADD CONSTRAINT assignment_breach_is_due CHECK (breached_at IS NULL OR breached_at = due_at);
ALTER TABLE assignment ADD CONSTRAINT assignment_breach_detected CHECK ((breached_at IS NULL) = (breach_detected_at IS NULL));
ALTER TABLE assignment ADD CONSTRAINT assignment_escalation_after_breach CHECK (escalated_at IS NULL OR breached_at IS NOT NULL);

-- What the sweeper looks for: waiting assignments not yet flagged, by the instant they become due
-- for each flag. Partial indexes: their size follows the open assignments, not the closed millions.
CREATE INDEX assignment_sweep_at_risk ON assignment (at_risk_from)
    WHERE status = 'MENUNGGU_RESPON' AND at_risk_at IS NULL;
CREATE INDEX assignment_sweep_breach ON assignment (due_at)
    WHERE status = 'MENUNGGU_RESPON' AND breached_at IS NULL;
CREATE INDEX assignment_sweep_escalation ON assignment (due_at)
    WHERE status = 'MENUNGGU_RESPON' AND escalated_at IS NULL;

ALTER TABLE case_event ADD COLUMN detected_at timestamptz;

CREATE TABLE notification (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES app_user (id),
    event_id      bigint      NOT NULL REFERENCES case_event (id),
    case_id       bigint      NOT NULL REFERENCES case_file (id),
    kind          varchar(30) NOT NULL,
    created_at    timestamptz NOT NULL,
    read_at       timestamptz,
    -- Each person is told of each event once.
    CONSTRAINT notification_once UNIQUE (user_id, event_id)
);
CREATE INDEX notification_unread ON notification (user_id, id DESC) WHERE read_at IS NULL;
CREATE INDEX notification_user ON notification (user_id, id DESC);
