-- Token buckets of the citizen API's per-client rate limits (Bucket4j), shared by all instances.
-- id is "<kind>:<HMAC-SHA256 of the client address>": no raw address is stored.
create table rate_limit_bucket (
    id         varchar(80) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);
