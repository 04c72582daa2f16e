-- The daily AI budget adds up today's step costs: find today's passages without reading them all.
create index passage_created_idx on passage (created_at);
