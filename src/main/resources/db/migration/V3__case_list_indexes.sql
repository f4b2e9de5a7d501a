-- The case list filtered by a rare status (DITOLAK) or by a dinas with few cases must not walk
-- the whole case table in filing order (measured at 1,000,000 cases: 130-200 ms without these).
CREATE INDEX case_file_status_filed ON case_file (status, filed_at DESC, id DESC);
CREATE INDEX assignment_dinas_case ON assignment (dinas_code, case_id);
