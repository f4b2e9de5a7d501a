-- "Riwayat perubahan": every change an admin makes to the kabupaten's rules (dinas, categories,
-- routing, interventions, providers, users, SLA policies, calendars): who, when, what, before and
-- after. Never updated, never deleted.
CREATE TABLE change_audit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz  NOT NULL,
    actor_id    bigint       REFERENCES app_user (id),
    actor_name  varchar(100) NOT NULL,
    entity_type varchar(40)  NOT NULL,
    entity_key  varchar(100) NOT NULL,
    action      varchar(20)  NOT NULL CHECK (action IN ('CREATED', 'UPDATED', 'DEACTIVATED', 'ACTIVATED', 'DELETED')),
    before      jsonb,
    after       jsonb,
    CHECK (before IS NOT NULL OR after IS NOT NULL)
);
CREATE INDEX change_audit_recent ON change_audit (occurred_at DESC, id DESC);
CREATE INDEX change_audit_entity ON change_audit (entity_type, entity_key, occurred_at DESC);
