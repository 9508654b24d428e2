-- Jobs that arrive over SMTP keep the client's message as it was sent (control headers removed);
-- the pipeline signs and delivers that instead of composing one from a JobRequest.
ALTER TABLE job ADD COLUMN channel VARCHAR(4) DEFAULT 'REST' NOT NULL;
ALTER TABLE mail ADD COLUMN source_mime TEXT;
