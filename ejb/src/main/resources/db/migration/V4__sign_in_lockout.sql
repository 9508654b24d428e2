-- Repeated wrong passwords lock a technical account out for a while (signet.lockout.*).
ALTER TABLE technical_account ADD COLUMN failed_sign_ins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE technical_account ADD COLUMN locked_until TIMESTAMP;
