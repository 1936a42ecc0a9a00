-- Whether the item of a statement line has left the pool since (judged a false positive, or retracted), so that
-- whoever drew or sent it sees so beside the line.
alter table statement_item add column revoked boolean default false not null;
