-- A submission key (form token or API Idempotency-Key) remembers what it filed: a hash of the
-- request's content, so that the same key sent again with other content is refused instead of
-- silently leading to the first case. NULL for cases filed before this column existed.
ALTER TABLE case_file ADD COLUMN request_hash varchar(64);
