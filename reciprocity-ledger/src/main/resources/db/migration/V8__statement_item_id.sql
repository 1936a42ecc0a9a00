-- Each statement line's items by the exchange's identifier of the item: what a participant holds (what it sent, and
-- what it received) is found by it, in the ledger's own tables. Lines written before are given theirs by V9.
alter table statement_item add column item_id uuid;
create index statement_item_item on statement_item (item_id);
