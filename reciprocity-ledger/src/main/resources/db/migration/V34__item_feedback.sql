-- What consumers reported of each account's items, acting on them or seeing them in their own systems: the items
-- others acted on become one kind of feedback beside the items others saw. One row per account, kind and item,
-- numbered as before by the global position of the report that first counted it and its place in that report.
alter table item_acted_on rename to item_feedback;
alter table item_feedback add column kind varchar(16) default 'ACTED_ON' not null;
-- How many times the consumers said they saw the item, over all their sightings: 0 for acting on it.
alter table item_feedback add column times_seen bigint default 0 not null;
drop index item_acted_on_item;
create unique index item_feedback_item on item_feedback (account_id, kind, item_id);
