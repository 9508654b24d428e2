-- Idempotency-Key of POST /jobs: the same key and body within 24 hours answers the first job.
CREATE TABLE idempotency_key (
    account_id   VARCHAR(64)   NOT NULL REFERENCES technical_account (id),
    idem_key     VARCHAR(255)  NOT NULL,
    request_hash VARCHAR(64)   NOT NULL,
    job_id       VARCHAR(36)   NOT NULL REFERENCES job (id),
    created_at   TIMESTAMP     NOT NULL,
    PRIMARY KEY (account_id, idem_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);

-- The password of a job's notification endpoint, sealed like private keys (AES-256-GCM under the
-- master key named beside it); the stored request JSON never holds it.
ALTER TABLE job ADD COLUMN notification_secret TEXT;
ALTER TABLE job ADD COLUMN notification_key_id VARCHAR(64);
