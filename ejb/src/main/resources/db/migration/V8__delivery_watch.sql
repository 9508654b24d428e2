-- What the pipeline owes each mail, so that a hand-off lost between the database and the broker
-- (a broker or server that died in the middle of a commit) is found and made again: the delivery
-- attempt that the next delivery message carries and when it is due (NULL once the mail ended).
ALTER TABLE mail ADD COLUMN delivery_attempt INT DEFAULT 0 NOT NULL;
ALTER TABLE mail ADD COLUMN delivery_due_at TIMESTAMP;
CREATE INDEX mail_delivery_due ON mail (delivery_due_at);

-- From now on an outbox row lives until the pipeline has dealt with its mail; rows of mails that
-- were processed before this version are settled here, or the sweep would send them again.
DELETE FROM outbox_message WHERE sent_at IS NOT NULL AND mail_id IN (
    SELECT id FROM mail WHERE mime IS NOT NULL
    UNION
    SELECT mail_id FROM tracking_event WHERE state = 'FINISHED');
