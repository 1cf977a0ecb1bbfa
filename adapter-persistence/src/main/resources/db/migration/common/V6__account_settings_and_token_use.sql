-- An account's settings (core's AccountSettings), one row per account, made with the account.
-- Durations are whole seconds; NULL is "off".
CREATE TABLE account_settings (
    account                    VARCHAR(40) NOT NULL PRIMARY KEY REFERENCES accounts (name),
    max_key_lifetime_seconds   BIGINT,
    renew_every_months         INTEGER     NOT NULL DEFAULT 3,
    auto_finish_after_seconds  BIGINT,
    CONSTRAINT account_settings_renew_every CHECK (renew_every_months IN (3, 6))
);
INSERT INTO account_settings (account) SELECT name FROM accounts;

-- Each token's own last use, so that during a renewal the old and the new token can be told apart; and the
-- instant a pending renewal finishes by itself, when its account set an automatic finish.
ALTER TABLE app_keys ADD COLUMN token_last_used_in TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_keys ADD COLUMN new_token_last_used_in TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_keys ADD COLUMN auto_finish_in TIMESTAMP WITH TIME ZONE;
-- without a renewal, the key's last use was its only token's
UPDATE app_keys SET token_last_used_in = last_used_in WHERE new_token_hash IS NULL;
