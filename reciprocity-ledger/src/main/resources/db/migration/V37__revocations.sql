-- Items that left the pool (judged false positives): the catalogue serves each once more, revoked, at the end of the
-- pool, so that whoever reads on from where it stopped learns of it; the feedback on an account's items says which
-- consumers' reports of a false positive it drew, why, and what they cost it.
alter table catalogue_item add column revoked boolean default false not null;
alter table item_feedback add column last_reason varchar(500);
alter table item_feedback add column revoked boolean default false not null;
