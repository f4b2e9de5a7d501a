-- Login throttling by account and source (issue 13): failures of one typed user name from one
-- client address delay only that pair, progressively; failures from one address across many user
-- names delay that address. Replaces the per-account lock of login_throttle, which let anyone
-- lock anyone out.
DROP TABLE login_throttle;

CREATE TABLE login_failure (
    username        varchar(100) NOT NULL,   -- as typed, normalized; whether or not the account exists
    source          varchar(100) NOT NULL,   -- client address (request.getRemoteAddr, after a trusted proxy)
    failures        integer      NOT NULL CHECK (failures > 0),
    last_failure_at timestamptz  NOT NULL,
    blocked_until   timestamptz,
    PRIMARY KEY (username, source)
);
CREATE INDEX login_failure_last_failure_at ON login_failure (last_failure_at);

CREATE TABLE login_source_failure (
    source          varchar(100) PRIMARY KEY,
    failures        integer      NOT NULL CHECK (failures > 0),
    last_failure_at timestamptz  NOT NULL,
    blocked_until   timestamptz
);
CREATE INDEX login_source_failure_last_failure_at ON login_source_failure (last_failure_at);
