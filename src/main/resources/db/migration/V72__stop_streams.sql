-- Streamed stops (issue 14): one row per stop written for a stream, for the writers and the benchmark. Times are
-- from the choice's claim; a provider that does not stream shows its first sentence only when the stop is written.

create table stop_stream (
    ride_id               varchar(36)  not null,
    stop                  integer      not null,
    streamed              boolean      not null,  -- whether the provider that wrote it streamed its text
    first_sentence_ms     integer,                -- claim to the first sentence shown; null when none was
    commit_ms             integer      not null,  -- claim to the stop stored and its choices sent
    shown_before_failure  integer      not null,  -- sentences already shown when a link failed (0: none failed)
    written_by            varchar(32)  not null,  -- the provider whose stop was stored
    recorded_at           timestamp with time zone not null,
    primary key (ride_id, stop)
);
