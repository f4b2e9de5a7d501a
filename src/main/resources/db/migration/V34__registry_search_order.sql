-- The registry search (residents.query.RegistrySearch) lists its matches by name: with more than
-- 10,000 matches in scope (a common given name, a big dusun) it walks this order instead of
-- collecting and sorting them all.
CREATE INDEX person_search_name_order ON person (search_name, id);
