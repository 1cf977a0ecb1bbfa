-- A key's optional expiry (core's AppKey.expiresIn): from that instant on it no longer authenticates.
ALTER TABLE app_keys ADD COLUMN expires_in TIMESTAMP WITH TIME ZONE;
