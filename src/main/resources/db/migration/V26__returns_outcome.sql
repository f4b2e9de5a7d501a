-- Issue 17: a return is its own SLA outcome ("dikembalikan", in time or late), never an on-time response;
-- and each case keeps the resident's wait, from filing to the first real response of a dinas.

-- The first written response of a dinas other than the secretariat (its triage and routing are not
-- answers to the resident; a return is not one either). Set once, in the transaction of that response
-- (CaseWorkflow); the dashboard's median and 90th percentile of the wait read it with the filing time.
ALTER TABLE case_file ADD COLUMN first_response_at timestamptz;
ALTER TABLE case_file ADD CONSTRAINT case_file_first_response_after_filing
    CHECK (first_response_at IS NULL OR first_response_at >= filed_at);

-- Cases filed before: the first RESPONDED or RESPONDED_LATE event of a dinas that is not the
-- secretariat (a dinas that responded and later returned the case did answer the resident).
UPDATE case_file c SET first_response_at = greatest(r.first, c.filed_at)
FROM (SELECT e.case_id, min(e.occurred_at) AS first
      FROM case_event e JOIN dinas d ON d.code = e.dinas_code
      WHERE e.type IN ('RESPONDED', 'RESPONDED_LATE') AND NOT d.secretariat
      GROUP BY e.case_id) r
WHERE r.case_id = c.id;

-- The wait is rolled up with the response times: a histogram by whole minutes, dimension 'W', of the
-- answered cases filed in the span (on_time = answered; late stays 0 there). Open cases still waiting
-- have no fixed wait: readers take them from the raw table, found by this index.
ALTER TABLE dashboard_response DROP CONSTRAINT dashboard_response_dimension_check,
    ADD CONSTRAINT dashboard_response_dimension_check CHECK (dimension IN ('T', 'D', 'K', 'C', 'W'));
ALTER TABLE dashboard_response_bucket DROP CONSTRAINT dashboard_response_bucket_dimension_check,
    ADD CONSTRAINT dashboard_response_bucket_dimension_check CHECK (dimension IN ('T', 'D', 'K', 'C', 'W'));
CREATE INDEX case_file_waiting_first_response ON case_file (filed_at) WHERE first_response_at IS NULL AND status = 'TERBUKA';
-- A first response changes its span's wait histogram: the span is dirty.
DROP TRIGGER case_file_dashboard_update ON case_file;
CREATE TRIGGER case_file_dashboard_update AFTER UPDATE ON case_file
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.filed_at IS DISTINCT FROM NEW.filed_at
        OR OLD.kecamatan_code IS DISTINCT FROM NEW.kecamatan_code
        OR OLD.first_response_at IS DISTINCT FROM NEW.first_response_at)
    EXECUTE FUNCTION dashboard_case_changed();

-- The roll-up counts returned assignments apart: in the spans' "no response time" rows beside the
-- overdue ones, and in the days. Returned assignments leave the response-time histograms.
ALTER TABLE dashboard_overdue
    ADD COLUMN returned      integer NOT NULL DEFAULT 0 CHECK (returned >= 0),
    ADD COLUMN returned_late integer NOT NULL DEFAULT 0 CHECK (returned_late BETWEEN 0 AND returned);
ALTER TABLE dashboard_day
    ADD COLUMN returned      integer NOT NULL DEFAULT 0 CHECK (returned >= 0),
    ADD COLUMN returned_late integer NOT NULL DEFAULT 0 CHECK (returned_late BETWEEN 0 AND returned);

-- Every span rolled up before counted returns as responses: all are dirty now, so readers take those
-- periods from the raw tables (by the new definitions) at once, and the next roll-up run rebuilds them.
UPDATE dashboard_span SET dirty = true WHERE built_at IS NOT NULL;
