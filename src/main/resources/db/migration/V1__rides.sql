-- Rides, their passages and the choices each passage offers.
-- Written for PostgreSQL and for H2 in MODE=PostgreSQL; keep it to the SQL both understand.

create table ride (
    id             varchar(36)  not null primary key, -- random UUID: 122 random bits, unguessable
    owner_hash     varchar(64)  not null,             -- SHA-256 of the player cookie, never the cookie itself
    seed           bigint       not null,
    language       varchar(16)  not null,
    ended          boolean      not null default false,
    stops          integer      not null default 0,   -- number of passages written
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);

create index ride_owner_idx on ride (owner_hash, updated_at);

create table passage (
    ride_id          varchar(36)   not null references ride (id) on delete cascade,
    stop             integer       not null,          -- index from 0
    body             varchar(4000) not null,
    summary          varchar(2000) not null,
    ending           boolean       not null,
    chosen_id        varchar(8),                      -- the choice that answered this stop; null while open
    provider         varchar(32)   not null,
    model            varchar(100)  not null,
    input_tokens     integer       not null,
    output_tokens    integer       not null,
    cost_usd         numeric(12, 6) not null,
    latency_ms       integer       not null,
    attempts         integer       not null,
    fallback_reason  varchar(300),
    created_at       timestamp with time zone not null,
    -- a stop is written once: a doubled step fails here, inside its transaction
    constraint passage_pk primary key (ride_id, stop)
);

create table choice (
    ride_id   varchar(36) not null,
    stop      integer     not null,
    id        varchar(8)  not null,
    position  integer     not null,
    label     varchar(200) not null,
    constraint choice_pk primary key (ride_id, stop, id),
    constraint choice_passage_fk foreign key (ride_id, stop) references passage (ride_id, stop) on delete cascade
);
