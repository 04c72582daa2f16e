-- One running experiment, held by the database rather than by a check in the application: a running experiment
-- takes the one running slot (running_slot = 1), a stopped one holds none (NULL). A unique constraint on the slot
-- lets a single row have it, since NULLs are distinct in both H2 and PostgreSQL (H2 has no partial indexes, so
-- "unique where status = 'running'" is not an option). The check keeps the slot and the status in step; it spells
-- out "is not null" because a check whose condition is unknown (NULL = 1) passes.

-- Before the rule, two writers starting at once could both succeed: the newest running experiment is the one the
-- application has been assigning players to, so the older ones stop now.
update experiment
set status = 'stopped', stopped_at = current_timestamp
where status = 'running'
  and id < (select max(id) from experiment where status = 'running');

alter table experiment add column running_slot smallint;

update experiment set running_slot = 1 where status = 'running';

alter table experiment add constraint experiment_one_running unique (running_slot);

alter table experiment add constraint experiment_running_slot check (
    (status = 'running' and running_slot is not null and running_slot = 1)
    or (status = 'stopped' and running_slot is null));
