-- A resident's "BERHENTI" on WhatsApp withdraws the active consents of that number.
CREATE INDEX resident_consent_active_phone ON resident_consent (phone) WHERE withdrawn_at IS NULL;
