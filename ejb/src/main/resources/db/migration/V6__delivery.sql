-- The envelope recipients of each mail (To, Cc and Bcc, one address per line), fixed with the
-- outgoing bytes so that a delivery attempt needs nothing else.
ALTER TABLE mail ADD COLUMN envelope_to TEXT;
