-- Reaching people outside the app: contacts of the accounts, duty contacts of the dinas, what each
-- person wants on which channel, and the outbox of deliveries (one row per event, recipient and
-- channel) that the senders drain.

-- Contacts, set by the admin: an email address and an Indonesian mobile number in E.164.
ALTER TABLE app_user ADD COLUMN email varchar(254) CHECK (email ~ '^[^@\s]+@[^@\s]+$');
ALTER TABLE app_user ADD COLUMN phone varchar(16) CHECK (phone ~ '^\+62[0-9]{8,13}$');

-- A dinas's duty contact (piket): a shared address and the WhatsApp number of the officer on duty.
-- It receives what the dinas's staff receive (new assignments, at risk, breached).
CREATE TABLE dinas_duty_contact (
    dinas_code varchar(20)  PRIMARY KEY REFERENCES dinas (code),
    email      varchar(254) CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    phone      varchar(16)  CHECK (phone ~ '^\+62[0-9]{8,13}$'),
    updated_at timestamptz  NOT NULL,
    updated_by bigint       REFERENCES app_user (id),
    CHECK (email IS NOT NULL OR phone IS NOT NULL)
);

-- Each person's choice per kind of message and channel; without a row the default of the kind holds
-- (DeliveryKind). The pseudo-kind DARURAT: every message about a DARURAT case also goes there.
CREATE TABLE delivery_preference (
    user_id bigint      NOT NULL REFERENCES app_user (id),
    kind    varchar(30) NOT NULL,
    channel varchar(10) NOT NULL CHECK (channel IN ('EMAIL', 'WHATSAPP')),
    enabled boolean     NOT NULL,
    PRIMARY KEY (user_id, kind, channel)
);

-- The outbox. delivery_key is unique per (event, recipient, channel): a republished event never
-- sends twice. A sender claims due rows (FOR UPDATE SKIP LOCKED) by setting SENDING and a lease;
-- a lease that ran out (the instance died mid-send) makes the row due again.
CREATE TABLE delivery (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_key    varchar(200) NOT NULL CONSTRAINT delivery_once UNIQUE,
    kind            varchar(30)  NOT NULL,
    channel         varchar(10)  NOT NULL CHECK (channel IN ('EMAIL', 'WHATSAPP', 'WEBHOOK')),
    -- Whom: an account, a dinas's duty contact, or (WEBHOOK) the configured receiver.
    user_id         bigint       REFERENCES app_user (id),
    duty_dinas_code varchar(20)  REFERENCES dinas (code),
    recipient       varchar(500) NOT NULL,
    recipient_label varchar(150),
    -- About what (none for the digest), and the message's parameters (ticket, kecamatan, ...).
    event_id        bigint,
    case_id         bigint,
    assignment_id   bigint,
    ticket          varchar(20),
    params          jsonb        NOT NULL,
    status          varchar(10)  NOT NULL
        CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'SKIPPED')),
    -- Delivered into the demo's Kotak keluar instead of a channel that is not configured.
    outbox          boolean      NOT NULL DEFAULT false,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    lease_until     timestamptz,
    last_error      varchar(1000),
    provider_id     varchar(200),
    subject         varchar(300),
    body            text,
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz,
    updated_at      timestamptz  NOT NULL,
    CHECK ((status = 'SENDING') = (lease_until IS NOT NULL))
);
-- What the senders look for: due rows and expired leases. Partial: their size follows the backlog.
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_leased ON delivery (lease_until) WHERE status = 'SENDING';
-- Status callbacks find their message by the provider's id (WhatsApp's wamid). Not unique: a
-- provider that repeats an id must not stop a sender from recording what it sent.
CREATE INDEX delivery_provider ON delivery (channel, provider_id) WHERE provider_id IS NOT NULL;
-- The delivery log and the Kotak keluar, newest first; the health check counts the failed.
CREATE INDEX delivery_log ON delivery (created_at DESC, id DESC);
CREATE INDEX delivery_failed ON delivery (updated_at) WHERE status = 'FAILED';
CREATE INDEX delivery_assignment ON delivery (assignment_id) WHERE assignment_id IS NOT NULL;

-- The daily digest: one row per day, inserted by the instance that makes it, so that two instances
-- make it once.
CREATE TABLE digest_run (
    day        date        PRIMARY KEY,
    created_at timestamptz NOT NULL
);
