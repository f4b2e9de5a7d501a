-- A notification carries what the bell's page shows (the case's ticket, the dinas and the instant of
-- the timeline event), copied from the event the cases module publishes: the notifications module
-- reads its own table only, not case_file and case_event. Existing rows are filled from those.
ALTER TABLE notification ADD COLUMN ticket varchar(20);
ALTER TABLE notification ADD COLUMN dinas_code varchar(20);
ALTER TABLE notification ADD COLUMN occurred_at timestamptz;

UPDATE notification n SET ticket = c.ticket, dinas_code = e.dinas_code, occurred_at = e.occurred_at
FROM case_event e JOIN case_file c ON c.id = e.case_id
WHERE e.id = n.event_id;

ALTER TABLE notification ALTER COLUMN ticket SET NOT NULL;
ALTER TABLE notification ALTER COLUMN occurred_at SET NOT NULL;
