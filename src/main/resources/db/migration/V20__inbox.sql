-- The intake inbox's photo fetcher: when a pending photo is next tried (back-off after a
-- failed try), and why the last try failed.
ALTER TABLE wa_message ADD COLUMN media_next_attempt_at timestamptz;
ALTER TABLE wa_message ADD COLUMN media_error varchar(500);
