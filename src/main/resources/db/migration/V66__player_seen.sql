-- What each player has read on rides the offline storyteller wrote (scene ids, and thread:<id>), so their next
-- rides avoid it while something unread will do. Only players' rides count (not the randomtest bot, not smoke
-- tests). A ride keeps the memory it was boarded with (ride.seen, comma-separated ids, most recent first), so every
-- one of its stops replays the same way however the player's memory grows meanwhile.

create table player_seen (
    owner_hash  varchar(64) not null,  -- SHA-256 of the player cookie, as ride.owner_hash
    item        varchar(60) not null,  -- a scene id, or thread:<id>
    seen_at     timestamp with time zone not null,
    constraint player_seen_pk primary key (owner_hash, item)
);

create index player_seen_recent_idx on player_seen (owner_hash, seen_at);

alter table ride add column seen varchar(4000);
