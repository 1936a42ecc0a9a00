-- How many consumers reported seeing each item in their own systems: each raises the confidence the item is served
-- with (see the rule kernel's CatalogueMerge).
alter table catalogue_item add column sightings integer default 0 not null;
