-- The per-account secret that signs push notifications (HMAC-SHA256), sealed like private keys
-- under the master key named beside it; NULL while the account's pushes go unsigned.
ALTER TABLE technical_account ADD COLUMN notification_secret TEXT;
ALTER TABLE technical_account ADD COLUMN notification_key_id VARCHAR(64);
