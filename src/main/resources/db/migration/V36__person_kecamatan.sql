-- The registry search of an operator (residents.query.RegistrySearch) filters persons by their
-- kecamatan (always their household's) before it joins households: with a common name's tens of
-- thousands of matches in the kabupaten, only the kecamatan's are read, and with more than 10,000 the
-- kecamatan's persons are walked in the registry's order.
CREATE INDEX person_kecamatan ON person (kecamatan_code, id);
