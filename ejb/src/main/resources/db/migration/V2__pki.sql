-- The customers' S/MIME signing certificates. Runs unchanged on H2 2.x and PostgreSQL 15.
-- The private key is stored sealed (AES-256-GCM, base64) under the master key named in
-- master_key_id; the master keys themselves live in a file outside the database.

CREATE SEQUENCE certificate_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE certificate (
    id            BIGINT         NOT NULL PRIMARY KEY,
    customer_id   BIGINT         NOT NULL REFERENCES customer (id),
    fingerprint   VARCHAR(64)    NOT NULL,
    subject       VARCHAR(2000)  NOT NULL,
    issuer        VARCHAR(2000)  NOT NULL,
    serial        VARCHAR(128)   NOT NULL,
    not_before    TIMESTAMP      NOT NULL,
    not_after     TIMESTAMP      NOT NULL,
    key_algorithm VARCHAR(32)    NOT NULL,
    chain_pem     TEXT           NOT NULL,
    sealed_key    TEXT           NOT NULL,
    master_key_id VARCHAR(64)    NOT NULL,
    created_at    TIMESTAMP      NOT NULL,
    version       BIGINT         NOT NULL,
    CONSTRAINT certificate_fingerprint_unique UNIQUE (customer_id, fingerprint)
);
CREATE INDEX certificate_master_key ON certificate (master_key_id);

-- Sender addresses, lower-cased, so that the certificates of a sender are found by index.
CREATE TABLE certificate_address (
    certificate_id BIGINT        NOT NULL REFERENCES certificate (id) ON DELETE CASCADE,
    address        VARCHAR(320)  NOT NULL,
    PRIMARY KEY (certificate_id, address)
);
CREATE INDEX certificate_address_sender ON certificate_address (address);
