-- The keys that sign tokens (core's SigningKeyStore), shared by every process on the store. The private half
-- is sealed (AES-256-GCM) under a key kept outside the database, so a copy of the database signs nothing.
CREATE TABLE signing_keys (
    key_id             VARCHAR(64)              NOT NULL PRIMARY KEY,
    created_in         TIMESTAMP WITH TIME ZONE NOT NULL,
    public_jwk         VARCHAR(1000)            NOT NULL,
    sealed_private_key VARCHAR(1000)            NOT NULL
);
