-- Imports of programme lists and desil lists (issue 18): which import made a household or a
-- person, so that its undo can remove what it alone brought in (nothing else refers to it).
ALTER TABLE household ADD COLUMN created_by_import bigint REFERENCES registry_import (id);
ALTER TABLE person ADD COLUMN created_by_import bigint REFERENCES registry_import (id);
CREATE INDEX household_created_by_import ON household (created_by_import) WHERE created_by_import IS NOT NULL;
CREATE INDEX person_created_by_import ON person (created_by_import) WHERE created_by_import IS NOT NULL;
-- The desil of a desil list given once on the form for the whole file (else a column).
ALTER TABLE registry_import ADD COLUMN as_of date;
-- An import's undo removes the desil records it added: the household's current desil is
-- then the newest remaining one (by date, then by record).
CREATE INDEX desil_record_household ON desil_record (household_id, as_of DESC, id DESC);
-- Is this file already in? (the page says so, but still allows it)
CREATE INDEX registry_import_sha256 ON registry_import (content_sha256, finished_at) WHERE status = 'SELESAI';
-- The running import's last sign of life (each batch): one that has given none for 10 minutes was
-- stopped with its server, and may be undone.
ALTER TABLE registry_import ADD COLUMN heartbeat_at timestamptz;
