-- The dashboard's figures for whole past days, weeks and months, pre-aggregated, so that a year on a
-- million cases is read from a few thousand rows instead of a million. Only spans that have ended
-- (in the kabupaten's zone) are rolled up; the current day, and any span whose rows changed since its
-- roll-up ("dirty"), are read from the raw tables. The roll-up is built by the application
-- (DashboardRollups); the triggers below only mark a rolled-up span dirty when something in it changes.

CREATE TABLE dashboard_span (
    grain       char(1)     NOT NULL CHECK (grain IN ('D', 'W', 'M')),  -- day, week (from Monday) or month
    span_start  timestamptz NOT NULL,
    span_end    timestamptz NOT NULL CHECK (span_end > span_start),
    -- Set when the row is made: a span is first built some minutes later, when no transaction that
    -- could have changed it unseen (before this row existed) is still running.
    noticed_at  timestamptz NOT NULL,
    built_at    timestamptz,
    dirty       boolean     NOT NULL DEFAULT true,
    PRIMARY KEY (grain, span_start)
);
-- The triggers look for spans holding an instant; writes in the current day find none at once.
CREATE INDEX dashboard_span_end ON dashboard_span (span_end);

-- Responded, not cancelled assignments due in the span, by whole response minutes, for the
-- whole kabupaten (dimension T) and by dinas (D), kecamatan (K) and category (C); once for every
-- dinas together (scope '') and once for each dinas alone (what its staff see). Response-time
-- percentiles are computed from these histograms exactly as percentile_cont would over the minutes.
CREATE TABLE dashboard_response (
    grain       char(1)     NOT NULL,
    span_start  timestamptz NOT NULL,
    scope       varchar(20) NOT NULL,  -- '' for every dinas, else one dinas's own figures
    dimension   char(1)     NOT NULL CHECK (dimension IN ('T', 'D', 'K', 'C')),
    code        varchar(40) NOT NULL,
    minutes     integer     NOT NULL,
    on_time     integer     NOT NULL,
    late        integer     NOT NULL,
    PRIMARY KEY (grain, span_start, scope, dimension, code, minutes),
    FOREIGN KEY (grain, span_start) REFERENCES dashboard_span (grain, span_start) ON DELETE CASCADE
);

-- Assignments due in the span still waiting for a response: all overdue, since the span has ended
-- (a response or a cancellation marks the span dirty). By the same dimensions as above.
CREATE TABLE dashboard_overdue (
    grain       char(1)     NOT NULL,
    span_start  timestamptz NOT NULL,
    scope       varchar(20) NOT NULL,
    dimension   char(1)     NOT NULL CHECK (dimension IN ('T', 'D', 'K', 'C')),
    code        varchar(40) NOT NULL,
    overdue     integer     NOT NULL,
    PRIMARY KEY (grain, span_start, scope, dimension, code),
    FOREIGN KEY (grain, span_start) REFERENCES dashboard_span (grain, span_start) ON DELETE CASCADE
);

-- One row per rolled-up day: cases filed that day by their status now, and assignments due that
-- day: responded on time, late, and still waiting (overdue).
CREATE TABLE dashboard_day (
    grain       char(1)     NOT NULL DEFAULT 'D' CHECK (grain = 'D'),
    span_start  timestamptz NOT NULL,
    scope       varchar(20) NOT NULL,
    day         date        NOT NULL,
    filed       integer     NOT NULL,
    open        integer     NOT NULL,
    resolved    integer     NOT NULL,
    closed      integer     NOT NULL,
    on_time     integer     NOT NULL,
    late        integer     NOT NULL,
    overdue     integer     NOT NULL,
    PRIMARY KEY (grain, span_start, scope),
    FOREIGN KEY (grain, span_start) REFERENCES dashboard_span (grain, span_start) ON DELETE CASCADE
);

-- Marks the rolled-up day, week and month holding the instant dirty. Touches (and locks) only spans that
-- exist, i.e. have ended: writes in the current day never contend here.
CREATE FUNCTION dashboard_mark_dirty(instant timestamptz) RETURNS void LANGUAGE sql AS $$
    UPDATE dashboard_span SET dirty = true WHERE span_end > instant AND span_start <= instant;
$$;

CREATE FUNCTION dashboard_assignment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM dashboard_mark_dirty(OLD.due_at);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM dashboard_mark_dirty(NEW.due_at);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER assignment_dashboard_insert_delete AFTER INSERT OR DELETE ON assignment
    FOR EACH ROW EXECUTE FUNCTION dashboard_assignment_changed();
CREATE TRIGGER assignment_dashboard_update AFTER UPDATE ON assignment
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.responded_at IS DISTINCT FROM NEW.responded_at
        OR OLD.assigned_at IS DISTINCT FROM NEW.assigned_at OR OLD.due_at IS DISTINCT FROM NEW.due_at
        OR OLD.dinas_code IS DISTINCT FROM NEW.dinas_code OR OLD.case_id IS DISTINCT FROM NEW.case_id)
    EXECUTE FUNCTION dashboard_assignment_changed();

-- A case's status counts on the day it was filed; its kecamatan and categories count for its assignments.
CREATE FUNCTION dashboard_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM dashboard_mark_dirty(OLD.filed_at);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM dashboard_mark_dirty(NEW.filed_at);
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.kecamatan_code IS DISTINCT FROM NEW.kecamatan_code THEN
        PERFORM dashboard_mark_dirty(a.due_at) FROM assignment a WHERE a.case_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER case_file_dashboard_insert_delete AFTER INSERT OR DELETE ON case_file
    FOR EACH ROW EXECUTE FUNCTION dashboard_case_changed();
CREATE TRIGGER case_file_dashboard_update AFTER UPDATE ON case_file
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.filed_at IS DISTINCT FROM NEW.filed_at
        OR OLD.kecamatan_code IS DISTINCT FROM NEW.kecamatan_code)
    EXECUTE FUNCTION dashboard_case_changed();

CREATE FUNCTION dashboard_case_category_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dashboard_mark_dirty(a.due_at) FROM assignment a
        WHERE a.case_id = CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END;
    RETURN NULL;
END $$;

CREATE TRIGGER case_category_dashboard AFTER INSERT OR UPDATE OR DELETE ON case_category
    FOR EACH ROW EXECUTE FUNCTION dashboard_case_category_changed();

-- Raw reads for what is not rolled up: responded assignments by due time.
CREATE INDEX assignment_responded_due ON assignment (due_at)
    INCLUDE (case_id, dinas_code, status, assigned_at, responded_at) WHERE responded_at IS NOT NULL;
