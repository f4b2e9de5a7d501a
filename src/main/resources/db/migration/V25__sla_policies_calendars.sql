-- SLA policies per priority (optionally per category) and the calendars their clocks run on.
-- The due time of an assignment is fixed when it is made, from the policy then in force; a change
-- here never moves an existing assignment.
CREATE TABLE sla_calendar (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        varchar(100) NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    always_open boolean      NOT NULL,
    version     bigint       NOT NULL DEFAULT 0
);

-- The open hours of a working-hours calendar, one window per weekday (ISO: 1 = Monday); a weekday
-- without a row is closed.
CREATE TABLE sla_calendar_hours (
    calendar_id bigint   NOT NULL REFERENCES sla_calendar (id) ON DELETE CASCADE,
    weekday     smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens_at    time     NOT NULL,
    closes_at   time     NOT NULL,
    PRIMARY KEY (calendar_id, weekday),
    CHECK (opens_at < closes_at)
);

CREATE TABLE sla_holiday (
    calendar_id  bigint       NOT NULL REFERENCES sla_calendar (id) ON DELETE CASCADE,
    holiday_date date         NOT NULL,
    name         varchar(200) NOT NULL DEFAULT '',
    PRIMARY KEY (calendar_id, holiday_date)
);

CREATE TABLE sla_policy (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    priority         varchar(10) NOT NULL CHECK (priority IN ('DARURAT', 'TINGGI', 'NORMAL')),
    category_code    varchar(40) REFERENCES category (code),
    response_minutes integer     NOT NULL CHECK (response_minutes BETWEEN 1 AND 43200),
    at_risk_percent  smallint    NOT NULL CHECK (at_risk_percent BETWEEN 1 AND 99),
    calendar_id      bigint      NOT NULL REFERENCES sla_calendar (id),
    version          bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX sla_policy_by_priority ON sla_policy (priority) WHERE category_code IS NULL;
CREATE UNIQUE INDEX sla_policy_by_priority_category ON sla_policy (priority, category_code)
    WHERE category_code IS NOT NULL;

INSERT INTO sla_calendar (name, always_open) VALUES ('24/7', true);
INSERT INTO sla_calendar (name, always_open) VALUES ('Jam kerja Senin–Jumat 07.30–16.00', false);
INSERT INTO sla_calendar_hours (calendar_id, weekday, opens_at, closes_at)
SELECT c.id, d, TIME '07:30', TIME '16:00' FROM sla_calendar c, generate_series(1, 5) d
 WHERE c.name = 'Jam kerja Senin–Jumat 07.30–16.00';

INSERT INTO sla_policy (priority, response_minutes, at_risk_percent, calendar_id)
SELECT p.priority, p.minutes, 75, c.id
  FROM (VALUES ('DARURAT', 120), ('TINGGI', 240), ('NORMAL', 240)) AS p (priority, minutes),
       sla_calendar c
 WHERE c.name = '24/7';

-- Whether an assignment's due time was counted in working hours (shown: "dihitung jam kerja").
ALTER TABLE assignment ADD COLUMN due_in_working_hours boolean NOT NULL DEFAULT false;
