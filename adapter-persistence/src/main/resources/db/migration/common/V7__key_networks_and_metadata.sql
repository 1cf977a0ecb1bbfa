-- Where a key may be used from (core's AllowedNetworks): canonical CIDR ranges separated by commas, at most 50;
-- NULL is anywhere. What the account says of the key (core's KeyMetadata): one JSON object of at most 4096 bytes
-- in UTF-8, kept as written; NULL is none.
ALTER TABLE app_keys ADD COLUMN allowed_networks VARCHAR(2500);
ALTER TABLE app_keys ADD COLUMN metadata VARCHAR(4096);
