-- Search that finds any part of a name (case- and accent-insensitive), any 4 or more consecutive
-- digits of the NIK, KK or phone, and a ticket with or without its prefix, fast at 1,000,000 cases:
-- trigram (pg_trgm) GIN indexes on two generated columns. Both extensions are "trusted" since
-- PostgreSQL 13: the database owner may create them without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The one folding of names, used for the stored column and for the typed query alike: accents off
-- (unaccent), lower case, runs of white space as one space. unaccent() itself is only STABLE (its
-- rules file could change); pinned to its dictionary by schema-qualified name it is safe to treat as
-- IMMUTABLE, which a generated column needs. The extension's schema is looked up, not assumed.
DO $$
DECLARE
    s text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
               WHERE e.extname = 'unaccent');
BEGIN
    EXECUTE format($f$
        CREATE FUNCTION ugd_search_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $b$ SELECT regexp_replace(lower(%1$I.unaccent(%2$L::regdictionary, $1)), '\s+', ' ', 'g') $b$
    $f$, s, quote_ident(s) || '.unaccent');
END
$$;

-- ' ' + the folded name: a leading space lets "% fragment%" match the start of any word.
ALTER TABLE case_file ADD COLUMN search_name text
    GENERATED ALWAYS AS (' ' || ugd_search_fold(beneficiary_name)) STORED;
-- NIK, KK and the resident's phone (in local form, 08…, as people type it), space-separated so that
-- no digit run crosses from one into the next. The reporter's phone is left out: a confidential
-- reporter must not be findable by number.
ALTER TABLE case_file ADD COLUMN search_digits text
    GENERATED ALWAYS AS (coalesce(nik, '') || ' ' || coalesce(kk, '') || ' '
        || coalesce(regexp_replace(regexp_replace(beneficiary_phone, '^\+62', '0'), '[^0-9]', '', 'g'), '')) STORED;
-- Better estimates for LIKE '%fragment%' (the planner samples the histogram): a common fragment
-- walks the filing-order index, a rare one reads the trigram index.
ALTER TABLE case_file ALTER COLUMN search_name SET STATISTICS 1000;

CREATE INDEX case_file_search_name ON case_file USING gin (search_name gin_trgm_ops);
CREATE INDEX case_file_search_digits ON case_file USING gin (search_digits gin_trgm_ops);
-- The running number of the ticket without its zeros (UGD-26-000042 -> 42), for "000042", "42" or "26-000042".
CREATE INDEX case_file_ticket_number ON case_file ((ltrim(split_part(ticket, '-', 3), '0')));
-- A whole KK typed (a whole NIK has case_file_nik of V2).
CREATE INDEX case_file_kk ON case_file (kk) WHERE kk IS NOT NULL;
-- The start-of-name index of V2 is superseded by the trigram index.
DROP INDEX case_file_name_prefix;

-- A dinas's history (/antrian/riwayat), newest assignment first.
CREATE INDEX assignment_dinas_assigned ON assignment (dinas_code, assigned_at DESC, id DESC);
