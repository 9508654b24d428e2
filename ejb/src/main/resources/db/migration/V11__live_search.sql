-- Live Search: every filter of the console's event search is an equality or a range on an indexed
-- column, so that a query stays fast on millions of events on H2 and PostgreSQL alike.
-- Addresses are matched without regard to case through lower-case copies, written with the mail
-- (neither database indexes an expression in the same way).
ALTER TABLE mail ADD COLUMN reference VARCHAR(255);
ALTER TABLE mail ADD COLUMN search_sender VARCHAR(320);
ALTER TABLE mail ADD COLUMN search_recipient VARCHAR(320);
UPDATE mail SET search_sender = LOWER(envelope_from), search_recipient = LOWER(email);
ALTER TABLE mail ALTER COLUMN search_sender SET NOT NULL;
ALTER TABLE mail ALTER COLUMN search_recipient SET NOT NULL;
CREATE INDEX mail_search_sender ON mail (search_sender);
CREATE INDEX mail_search_recipient ON mail (search_recipient);
CREATE INDEX mail_reference ON mail (reference);
CREATE INDEX job_reference ON job (reference_job);

-- Newest first is the default order; searches by job, type or subtype read their own index in it
-- (customer and time: tracking_event_customer_time, mail and time: tracking_event_mail).
CREATE INDEX tracking_event_time ON tracking_event (occurred_at);
CREATE INDEX tracking_event_job ON tracking_event (job_id, occurred_at);
CREATE INDEX tracking_event_type_time ON tracking_event (type, occurred_at);
CREATE INDEX tracking_event_sub_type_time ON tracking_event (sub_type, occurred_at);
