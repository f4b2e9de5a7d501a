-- The dashboard counts assignments by the day their due time falls in.
CREATE INDEX assignment_due ON assignment (due_at);
