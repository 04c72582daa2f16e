-- One claim per open stop: the request that holds it is the only one that asks the narrator (and pays a vendor)
-- for the next stop. Twins of that request, on any server, wait for the stop instead of writing it again. A claim
-- older than liminal.story.claim-timeout was left by a server that died mid-call and may be taken over.

create table stop_claim (
    ride_id     varchar(36)              not null,
    stop        integer                  not null,
    choice_id   varchar(8)               not null,
    claimed_at  timestamp with time zone not null,
    primary key (ride_id, stop)
);
