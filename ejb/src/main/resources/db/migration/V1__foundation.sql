-- Signet's first schema. Runs unchanged on H2 2.x and PostgreSQL 15.
-- Ids that clients see are UUID strings; internal ids come from sequences. JPA preallocates 50
-- ids per call and takes the value it receives as the last of its block, so each sequence starts
-- at its increment: a first value below 50 would make a block of negative ids.

CREATE SEQUENCE customer_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE tracking_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE customer (
    id               BIGINT        NOT NULL PRIMARY KEY,
    customer_no      VARCHAR(32)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    self_service_pki BOOLEAN       NOT NULL,
    created_at       TIMESTAMP     NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT customer_no_unique UNIQUE (customer_no)
);

CREATE TABLE technical_account (
    id                     VARCHAR(64)   NOT NULL PRIMARY KEY,
    customer_id            BIGINT        NOT NULL REFERENCES customer (id),
    status                 VARCHAR(16)   NOT NULL,
    password_hash          VARCHAR(255)  NOT NULL,
    signing_active         BOOLEAN       NOT NULL,
    signing_default_active BOOLEAN       NOT NULL,
    notification_url       VARCHAR(2000),
    created_at             TIMESTAMP     NOT NULL,
    version                BIGINT        NOT NULL
);
CREATE INDEX technical_account_customer ON technical_account (customer_id);

CREATE TABLE console_user (
    username      VARCHAR(100)  NOT NULL PRIMARY KEY,
    role          VARCHAR(20)   NOT NULL,
    customer_id   BIGINT        REFERENCES customer (id),
    password_hash VARCHAR(255)  NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    version       BIGINT        NOT NULL
);

CREATE TABLE job (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    customer_id   BIGINT        NOT NULL REFERENCES customer (id),
    account_id    VARCHAR(64)   NOT NULL REFERENCES technical_account (id),
    received_at   TIMESTAMP     NOT NULL,
    reference_job VARCHAR(255),
    signing       VARCHAR(8)    NOT NULL,
    request_json  TEXT          NOT NULL
);
CREATE INDEX job_customer_received ON job (customer_id, received_at);
CREATE INDEX job_received ON job (received_at);

CREATE TABLE mail (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    job_id        VARCHAR(36)   NOT NULL REFERENCES job (id),
    position      INTEGER       NOT NULL,
    email         VARCHAR(320)  NOT NULL,
    envelope_from VARCHAR(320)  NOT NULL,
    mime_from     VARCHAR(998),
    message_id    VARCHAR(998),
    signing       VARCHAR(8)    NOT NULL
);
CREATE INDEX mail_job ON mail (job_id, position);

-- One row per message that intake owes the broker; sent_at stays empty until the broker has it.
CREATE TABLE outbox_message (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    mail_id     VARCHAR(36)   NOT NULL REFERENCES mail (id),
    destination VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    sent_at     TIMESTAMP,
    attempts    INTEGER       NOT NULL
);
CREATE INDEX outbox_message_unsent ON outbox_message (sent_at, created_at);

CREATE TABLE tracking_event (
    id          BIGINT         NOT NULL PRIMARY KEY,
    mail_id     VARCHAR(36)    NOT NULL REFERENCES mail (id),
    job_id      VARCHAR(36)    NOT NULL,
    customer_id BIGINT         NOT NULL,
    phase       VARCHAR(16)    NOT NULL,
    state       VARCHAR(16)    NOT NULL,
    type        VARCHAR(32)    NOT NULL,
    sub_type    VARCHAR(32)    NOT NULL,
    description VARCHAR(1000),
    occurred_at TIMESTAMP      NOT NULL
);
CREATE INDEX tracking_event_mail ON tracking_event (mail_id, occurred_at);
CREATE INDEX tracking_event_customer_time ON tracking_event (customer_id, occurred_at);
