-- Indexes for the resident's side.
-- A resident's "BERHENTI" on WhatsApp withdraws the active consents of that number.
CREATE INDEX resident_consent_active_phone ON resident_consent (phone) WHERE withdrawn_at IS NULL;

-- The navigation's count of open conversations in the user's inbox, on every page.
CREATE INDEX wa_conversation_open_inbox ON wa_conversation (kecamatan_code) WHERE status = 'OPEN';
