-- Token buckets for the players' limits (boarding, choosing), per player and per client address.
-- In the database so that every server of a deployment draws on the same buckets.

create table rate_bucket (
    bucket_key   varchar(200)     not null primary key, -- e.g. 'choose:player:<sha-256>' or 'board:address:<ip>'
    tokens       double precision not null,
    refilled_at  timestamp with time zone not null
);
