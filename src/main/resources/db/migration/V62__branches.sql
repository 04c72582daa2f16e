-- Branches ("take the other door"): a ride may begin as a copy of another ride's stops 0..parent_stop (no AI call),
-- then take parent_choice there instead. parent_id is the ride that owns that stop (never a copy of it), so a family
-- is a tree of stops; root_id names the family's first ride, so the map reads a whole family with one query.
-- A ride boarded the ordinary way has all four null.

alter table ride add column parent_id varchar(36);
alter table ride add column parent_stop integer;
alter table ride add column parent_choice varchar(8);
alter table ride add column root_id varchar(36);

alter table ride add constraint ride_parent_fk foreign key (parent_id) references ride (id);

-- One branch per door: two tabs asking for the same branch at once land on one ride (the loser reads the winner's).
-- Rows without a parent have nulls here, which unique constraints never compare as equal (PostgreSQL and H2).
alter table ride add constraint ride_branch_once unique (parent_id, parent_stop, parent_choice);

create index ride_root_idx on ride (root_id);
