-- Live Search: every filter of the console's event search is an equality or a range on an indexed
-- column, so that a query stays fast on millions of events on H2 and PostgreSQL alike.
-- Addresses are matched without regard to case through lower-case copies, written with the row
-- (neither database indexes an expression in the same way). The sender is copied onto each event,
-- as job and customer are: a busy sender has tens of thousands of events, and only an index of the
-- events themselves yields its newest ones without sorting them all.
ALTER TABLE mail ADD COLUMN reference VARCHAR(255);
ALTER TABLE mail ADD COLUMN search_recipient VARCHAR(320);
UPDATE mail SET search_recipient = LOWER(email);
ALTER TABLE mail ALTER COLUMN search_recipient SET NOT NULL;
CREATE INDEX mail_search_recipient ON mail (search_recipient);
CREATE INDEX mail_reference ON mail (reference);
CREATE INDEX job_reference ON job (reference_job);

ALTER TABLE tracking_event ADD COLUMN search_sender VARCHAR(320);
UPDATE tracking_event SET search_sender =
    (SELECT LOWER(m.envelope_from) FROM mail m WHERE m.id = tracking_event.mail_id);
ALTER TABLE tracking_event ALTER COLUMN search_sender SET NOT NULL;

-- Newest first is the default order. Each search of events alone reads an index in exactly that
-- order (time, then id, descending), so a page is read without sorting the matches: H2 uses an
-- index for ORDER BY only in its declared direction and only when it holds the tie-breaking id.
-- The customer index of V1 gives way to one in this order; mails keep theirs (a handful each).
-- A customer user's searches all carry the customer: its most common filter, the event type
-- (a rare one such as DROPPED above all), has an index of its own beside it.
DROP INDEX tracking_event_customer_time;
CREATE INDEX tracking_event_time ON tracking_event (occurred_at DESC, id DESC);
CREATE INDEX tracking_event_customer_time
    ON tracking_event (customer_id, occurred_at DESC, id DESC);
CREATE INDEX tracking_event_customer_type
    ON tracking_event (customer_id, type, occurred_at DESC, id DESC);
CREATE INDEX tracking_event_sender ON tracking_event (search_sender, occurred_at DESC, id DESC);
CREATE INDEX tracking_event_job ON tracking_event (job_id, occurred_at DESC, id DESC);
CREATE INDEX tracking_event_type_time ON tracking_event (type, occurred_at DESC, id DESC);
CREATE INDEX tracking_event_sub_type_time ON tracking_event (sub_type, occurred_at DESC, id DESC);
