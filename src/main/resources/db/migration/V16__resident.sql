-- The resident's side: long access codes, the receipt, consent to updates, the answer to
-- "sudah tertangani?", the status page's slow-down, and WhatsApp as an intake channel.

-- Codes of 10 characters from 32 (50 bits) for new cases; the 6-character codes of older
-- cases stay valid (the status page's slow-down guards them too).
ALTER TABLE case_file DROP CONSTRAINT case_file_access_code_check;
ALTER TABLE case_file ALTER COLUMN access_code TYPE varchar(12);
ALTER TABLE case_file ADD CONSTRAINT case_file_access_code_check CHECK (access_code ~ '^[A-Z2-9]{6,12}$');

-- When the resident was first given the receipt (and with it the code). Cases filed before
-- showed the code on the case page at filing: they count as given.
ALTER TABLE case_file ADD COLUMN receipt_issued_at timestamptz;
UPDATE case_file SET receipt_issued_at = filed_at;

-- When the case last became SELESAI (every assignment ended): the resident may answer
-- "sudah tertangani?" from then on, for a configurable time (14 days). NULL while open.
ALTER TABLE case_file ADD COLUMN resolved_at timestamptz;
UPDATE case_file c SET resolved_at = coalesce(
        (SELECT max(a.closed_at) FROM assignment a WHERE a.case_id = c.id), c.filed_at)
    WHERE c.status IN ('SELESAI', 'DITUTUP');

-- The resident's consent to updates by WhatsApp/SMS: given at filing by the operator who
-- asked (who and when), withdrawable by staff, on the status page or by WhatsApp. Its
-- history is in the case's timeline (CONSENT_GIVEN, CONSENT_WITHDRAWN).
CREATE TABLE resident_consent (
    case_id       bigint      PRIMARY KEY REFERENCES case_file (id),
    phone         varchar(16) NOT NULL CHECK (phone ~ '^\+62[0-9]{8,13}$'),
    given_at      timestamptz NOT NULL,
    given_by      bigint      NOT NULL REFERENCES app_user (id),
    withdrawn_at  timestamptz,
    withdrawn_by  bigint      REFERENCES app_user (id),
    withdrawn_via varchar(12) CHECK (withdrawn_via IN ('STAFF', 'STATUS_PAGE', 'WHATSAPP')),
    CHECK ((withdrawn_at IS NULL) = (withdrawn_via IS NULL)),
    CHECK (withdrawn_by IS NULL OR withdrawn_via = 'STAFF')
);

-- The resident's answer to one resolution (round_resolved_at = the case's resolved_at then):
-- at most one per resolution, so a "Belum" sent twice reopens once.
CREATE TABLE resident_feedback (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id           bigint        NOT NULL REFERENCES case_file (id),
    round_resolved_at timestamptz   NOT NULL,
    answer            varchar(5)    NOT NULL CHECK (answer IN ('SUDAH', 'BELUM')),
    rating            smallint      CHECK (rating BETWEEN 1 AND 5),
    -- The comment ("Sudah") or the reason ("Belum", required).
    comment           varchar(1000),
    via               varchar(12)   NOT NULL CHECK (via IN ('STATUS_PAGE', 'WHATSAPP')),
    answered_at       timestamptz   NOT NULL,
    event_id          bigint        REFERENCES case_event (id),
    CHECK (answer = 'SUDAH' OR rating IS NULL),
    CHECK (answer = 'SUDAH' OR comment IS NOT NULL),
    CONSTRAINT resident_feedback_once UNIQUE (case_id, round_resolved_at)
);
CREATE INDEX resident_feedback_answered ON resident_feedback (answered_at);

-- The status page's slow-down: wrong tries per source (a hash of the client address) and
-- ticket as typed; shared by every instance.
CREATE TABLE status_check_failure (
    source_hash     varchar(64)  NOT NULL,
    ticket          varchar(40)  NOT NULL,
    failures        integer      NOT NULL CHECK (failures > 0),
    last_failure_at timestamptz  NOT NULL,
    PRIMARY KEY (source_hash, ticket)
);
CREATE INDEX status_check_failure_age ON status_check_failure (last_failure_at);

-- WhatsApp intake: conversations (one number's messages within 24 hours) in the inbox of the
-- secretariat (kecamatan_code NULL) or of a kecamatan's UPT (the number it came to is
-- configured for that kecamatan).
CREATE TABLE wa_conversation (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone            varchar(16)  NOT NULL CHECK (phone ~ '^\+[0-9]{8,15}$'),
    contact_name     varchar(100),
    business_number  varchar(50)  NOT NULL,
    kecamatan_code   varchar(8)   REFERENCES kecamatan (code),
    status           varchar(10)  NOT NULL CHECK (status IN ('OPEN', 'FILED', 'LINKED', 'CLOSED')),
    case_id          bigint       REFERENCES case_file (id),
    closed_reason    varchar(500),
    handled_by       bigint       REFERENCES app_user (id),
    handled_at       timestamptz,
    opened_at        timestamptz  NOT NULL,
    last_message_at  timestamptz  NOT NULL,
    last_incoming_at timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0,
    CHECK ((status IN ('FILED', 'LINKED')) = (case_id IS NOT NULL)),
    CHECK ((status = 'CLOSED') = (closed_reason IS NOT NULL))
);
CREATE INDEX wa_conversation_inbox ON wa_conversation (kecamatan_code, last_message_at DESC, id DESC);
CREATE INDEX wa_conversation_open ON wa_conversation (last_message_at DESC) WHERE status = 'OPEN';
CREATE INDEX wa_conversation_phone ON wa_conversation (phone, business_number, last_incoming_at DESC);
CREATE INDEX wa_conversation_case ON wa_conversation (case_id) WHERE case_id IS NOT NULL;

-- Its messages: incoming ones once per wamid (a replayed webhook changes nothing); replies
-- from the inbox with the delivery that carries them. A photo's bytes are fetched from Meta
-- after the webhook has answered (media_status PENDING → READY, FAILED or TOO_LARGE).
CREATE TABLE wa_message (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id bigint       NOT NULL REFERENCES wa_conversation (id),
    wamid           varchar(200) CONSTRAINT wa_message_once UNIQUE,
    direction       varchar(3)   NOT NULL CHECK (direction IN ('IN', 'OUT')),
    type            varchar(20)  NOT NULL,
    body            text,
    media_id        varchar(200),
    media_type      varchar(100),
    media_filename  varchar(200),
    media_status    varchar(10)  CHECK (media_status IN ('PENDING', 'READY', 'FAILED', 'TOO_LARGE')),
    media_content   bytea,
    media_size      integer,
    media_attempts  integer      NOT NULL DEFAULT 0,
    sent_by         bigint       REFERENCES app_user (id),
    delivery_id     bigint       REFERENCES delivery (id),
    occurred_at     timestamptz  NOT NULL,
    CHECK (direction = 'OUT' OR wamid IS NOT NULL),
    CHECK ((media_status IS NULL) = (media_id IS NULL AND media_content IS NULL))
);
CREATE INDEX wa_message_conversation ON wa_message (conversation_id, occurred_at, id);
CREATE INDEX wa_message_media_pending ON wa_message (id) WHERE media_status = 'PENDING';
