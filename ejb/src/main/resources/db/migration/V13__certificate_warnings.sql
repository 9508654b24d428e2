-- Warnings of certificates that expire soon: one row per certificate and threshold (30, 7 and 1
-- days), pushed to the customer's notification endpoints until one push of it has succeeded.
CREATE TABLE certificate_warning (
    certificate_id BIGINT      NOT NULL REFERENCES certificate (id) ON DELETE CASCADE,
    threshold_days INT         NOT NULL,
    customer_id    BIGINT      NOT NULL REFERENCES customer (id),
    days_left      INT         NOT NULL,
    warned_at      TIMESTAMP   NOT NULL,
    pushed_at      TIMESTAMP,
    PRIMARY KEY (certificate_id, threshold_days)
);
CREATE INDEX certificate_warning_unpushed ON certificate_warning (pushed_at, customer_id);
