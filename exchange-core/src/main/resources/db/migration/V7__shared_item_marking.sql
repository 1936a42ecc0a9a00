-- The registry of the shared item pool takes the name that says which pool it is (members also form pools), and keeps
-- the least restrictive marking each item was shared under: a delivery may not go out under a freer one.
alter table pool_item rename to shared_item;
alter table shared_item add column shared_tlp varchar(16);
-- Items shared before the marking was kept may be delivered under any marking the pool delivers, as they were; an
-- auditor's replay rebuilds the true markings from the events.
update shared_item set shared_tlp = 'CLEAR' where shared_by is not null;
