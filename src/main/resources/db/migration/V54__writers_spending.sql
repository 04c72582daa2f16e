-- Writers' room: sign-in attempts counted before the password is checked, one attempt in flight per username and
-- per address, addresses a writer signed in from before, and one queued or running ride-bot run per writer.

-- One sign-in attempt in flight per username tried and per client address, on every server: the attempt holds a
-- row here while its password is checked. A row older than liminal.admin.login.attempt-lease was left by a
-- server that died mid-check and may be taken over.
create table admin_login_claim (
    scope       varchar(8)   not null,  -- 'user' or 'address'
    subject     varchar(128) not null,  -- the normalised username, or the client address
    attempt     varchar(64)  not null,  -- random id of the attempt holding the claim
    claimed_at  timestamp with time zone not null,
    primary key (scope, subject)
);

-- An attempt is counted as a failure before its password is checked (so racing guesses cannot all pass the
-- limit); a sign-in that succeeds deletes its own rows by attempt id. The address a user row came from lets a
-- success forgive the writer's own earlier typos without forgiving a stranger's guesses.
alter table admin_login_failure add column attempt varchar(64);
alter table admin_login_failure add column address varchar(128);

create index admin_login_failure_attempt_idx on admin_login_failure (attempt);

-- Addresses each writer signed in from: a correct password from one of them passes the per-user lock, so
-- strangers' guesses cannot lock a writer out of the room from where they usually work.
create table admin_known_address (
    username      varchar(64)  not null,
    address       varchar(128) not null,
    signed_in_at  timestamp with time zone not null,
    primary key (username, address)
);

-- Ride-bot runs started from the writers' room. active_writer is the writer while the run is queued or running
-- and NULL once it is over; its unique constraint gives each writer one active run on every server (NULLs are
-- distinct in H2 and PostgreSQL; H2 has no partial indexes). Cancelling from any server ends the run between rides.
create table ridebot_run (
    id                  varchar(36)  not null primary key,
    started_by          varchar(64)  not null,
    rides               integer      not null,
    seed                bigint       not null,
    variant_id          bigint,
    state               varchar(12)  not null,  -- 'active', 'finished', 'cancelled', 'failed'
    active_writer       varchar(64),
    started_at          timestamp with time zone not null,
    ended_at            timestamp with time zone,
    cancelled_by        varchar(64),
    budget_override_by  varchar(64),            -- the writer who confirmed a paid run past the day's budget
    budget_override_at  timestamp with time zone,
    constraint ridebot_run_one_active unique (active_writer),
    constraint ridebot_run_active_state check (
        (state = 'active' and active_writer is not null and active_writer = started_by)
        or (state <> 'active' and active_writer is null))
);

create index ridebot_run_started_idx on ridebot_run (started_at);
