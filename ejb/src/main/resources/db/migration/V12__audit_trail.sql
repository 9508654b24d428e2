-- Every administrative change, who made it and when: customers, accounts, console users,
-- certificates, secrets and master keys. Rows are only ever added.
CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_entry (
    id          BIGINT         NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP      NOT NULL,
    actor       VARCHAR(100)   NOT NULL,
    action      VARCHAR(64)    NOT NULL,
    target      VARCHAR(200)   NOT NULL,
    detail      VARCHAR(1000)
);
CREATE INDEX audit_entry_time ON audit_entry (occurred_at DESC, id DESC);
