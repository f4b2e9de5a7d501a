-- The registry search no longer walks the name order with more than 10,000 matches (a given name's
-- matches all sit together there, behind every name before it: at 1.7 million persons "Sumiati"
-- took seconds); it walks the primary key, as the case search walks the filing order. V34's index
-- is no longer read.
DROP INDEX person_search_name_order;
