-- Each key's successful authentications per hour (hour_start: the start of a whole UTC hour), kept for the usage
-- retention and removed with the key.
CREATE TABLE key_usage (
    key_id     UUID                     NOT NULL REFERENCES app_keys (id) ON DELETE CASCADE,
    hour_start TIMESTAMP WITH TIME ZONE NOT NULL,
    uses       BIGINT                   NOT NULL,
    PRIMARY KEY (key_id, hour_start)
);
-- pruning reads by hour across keys
CREATE INDEX key_usage_hour ON key_usage (hour_start);
