-- One row per tracking event that is pushed to a customer's endpoint: where it goes, how many
-- attempts it took and how it ended (PENDING, DELIVERED or GIVEN_UP with the last answer).
CREATE TABLE notification_delivery (
    event_id    BIGINT         NOT NULL PRIMARY KEY REFERENCES tracking_event (id),
    job_id      VARCHAR(36)    NOT NULL,
    url         VARCHAR(2000)  NOT NULL,
    status      VARCHAR(16)    NOT NULL,
    attempts    INT            NOT NULL,
    last_result VARCHAR(1000),
    updated_at  TIMESTAMP      NOT NULL
);
CREATE INDEX notification_delivery_job ON notification_delivery (job_id);

-- The job's own notification endpoint, so that each event needs no look into the request JSON to
-- know whether it is pushed (the account's default URL applies when this is NULL).
ALTER TABLE job ADD COLUMN notification_url VARCHAR(2000);
