-- The UPT's list "Menunggu konfirmasi warga": resolved cases of a kecamatan that wait for the
-- operator to confirm with the resident and close them. Partial: its size follows those cases only.
CREATE INDEX case_file_awaiting_confirmation ON case_file (kecamatan_code, filed_at) WHERE status = 'SELESAI';
