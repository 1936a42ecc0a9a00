-- Every question the deciding side asks of who contributed, received, acted on, sighted or reported an item names
-- the items: a handful offered to a withdrawal, at most a thousand of a contribution, one being judged. Keyed by
-- participant first, a lookup of "which of these ten did this consumer receive" was planned, for a consumer the
-- statistics did not know yet, as a scan of every item the consumer had ever received, filtered: over a millisecond
-- for a consumer of 20,000 items, and longer every day. Keyed by item first, each lookup reads the rows of the items
-- asked about and no others, whatever the statistics say; the lookups by item alone (who paid for an item being
-- refunded, who vouches for an item being retracted) stop reading the whole table. Each step may be taken again:
-- the embedded store commits a migration's statements one by one, and one cut short there can then be run again.
alter table contributed_item drop constraint if exists contributed_item_pk;
alter table contributed_item add constraint contributed_item_pk primary key (item_id, account_id);
-- Its lookups by contributor name the items too: the key above serves them.
drop index if exists contributed_item_contributor;

alter table delivered_item drop constraint if exists delivered_item_pk;
alter table delivered_item add constraint delivered_item_pk primary key (item_id, consumer_id);

alter table acted_on drop constraint if exists acted_on_pk;
alter table acted_on add constraint acted_on_pk primary key (item_id, consumer_id);

alter table sighted drop constraint if exists sighted_pk;
alter table sighted add constraint sighted_pk primary key (item_id, consumer_id);

alter table reported_false drop constraint if exists reported_false_pk;
alter table reported_false add constraint reported_false_pk primary key (item_id, consumer_id);
