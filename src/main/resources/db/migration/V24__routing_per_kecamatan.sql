-- Routing per kecamatan: a rule for one kecamatan (kecamatan_code) wins over the kabupaten-wide
-- rules of its category (kecamatan_code NULL); a case keeps the assignments it got.
ALTER TABLE routing_rule ADD COLUMN kecamatan_code varchar(8) REFERENCES kecamatan (code);
ALTER TABLE routing_rule DROP CONSTRAINT routing_rule_category_code_dinas_code_key;
CREATE UNIQUE INDEX routing_rule_kabupaten_unique ON routing_rule (category_code, dinas_code)
    WHERE kecamatan_code IS NULL;
CREATE UNIQUE INDEX routing_rule_kecamatan_unique ON routing_rule (category_code, kecamatan_code, dinas_code)
    WHERE kecamatan_code IS NOT NULL;
