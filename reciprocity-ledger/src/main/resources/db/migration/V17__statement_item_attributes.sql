-- What the contributor said of each item of a statement line (its confidence and tags), as contributed or as
-- delivered, so that a line's items can be downloaded with them. Lines written before carry none until the ledger is
-- replayed from the event store, which records them for every line.
alter table statement_item add column confidence integer;
alter table statement_item add column tags varchar; -- a JSON array of the item's tags
