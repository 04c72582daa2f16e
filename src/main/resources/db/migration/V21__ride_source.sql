-- Who boarded a ride: a player, or the writers' randomtest bot (whose rides analytics leave out).
alter table ride add column source varchar(16) default 'player' not null;

create index ride_source_created_idx on ride (source, created_at);
