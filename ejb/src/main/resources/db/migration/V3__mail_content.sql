-- The bytes of each mail as it will leave Signet, stored before the first delivery attempt so that
-- every attempt sends the same message. Signed and unsigned MIME are 7-bit text.
ALTER TABLE mail ADD COLUMN mime TEXT;
