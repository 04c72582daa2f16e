-- "Ask the train again": the open stop may be written again, a few times. Every version is kept here with its own
-- accounting (provider, model, tokens, cost), numbered from 1; the passage row holds the version in effect (the
-- newest, or the one the player chose from), so everything that reads passages sees one coherent ride.
-- A stop that was never asked again has no rows here: its passage row is its only version.

alter table passage add column version integer default 1 not null;

create table passage_version (
    ride_id          varchar(36)    not null,
    stop             integer        not null,
    version          integer        not null,         -- from 1; 1 is the stop as first written
    body             varchar(4000)  not null,
    summary          varchar(2000)  not null,
    ending           boolean        not null,
    provider         varchar(32)    not null,
    model            varchar(100)   not null,
    input_tokens     integer        not null,
    output_tokens    integer        not null,
    cost_usd         numeric(12, 6) not null,
    latency_ms       integer        not null,
    attempts         integer        not null,
    fallback_reason  varchar(300),
    created_at       timestamp with time zone not null,
    prompt_version   integer,
    -- a version is written once: two requests racing for the same one fail here, inside their transaction
    constraint passage_version_pk primary key (ride_id, stop, version),
    constraint passage_version_passage_fk foreign key (ride_id, stop) references passage (ride_id, stop)
        on delete cascade
);

create table version_choice (
    ride_id   varchar(36)  not null,
    stop      integer      not null,
    version   integer      not null,
    id        varchar(8)   not null,
    position  integer      not null,
    label     varchar(200) not null,
    constraint version_choice_pk primary key (ride_id, stop, version, id),
    constraint version_choice_version_fk foreign key (ride_id, stop, version)
        references passage_version (ride_id, stop, version) on delete cascade
);
