-- What a judgment of an item as a false positive, or its retraction, reads: who reported it, whose reports were
-- weighed, whether it has left the pool, who retracted it, what each account earned for it and what each consumer
-- paid for it.

-- The items each consumer reported as false positives and that counted, with the account the report was on.
create table reported_false (
    consumer_id varchar(64) not null,
    item_id     uuid        not null,
    account_id  varchar(64) not null,
    constraint reported_false_pk primary key (consumer_id, item_id)
);

-- The accounts whose reports of an item were weighed by its sharer: an item's reports count once per account.
create table false_positive_weighed (
    item_id            uuid        not null,
    reporting_account  varchar(64) not null,
    constraint false_positive_weighed_pk primary key (item_id, reporting_account)
);

alter table shared_item add column revoked boolean default false not null;

-- What the account's contribution of the item earned before the ratio, and under which policy version; null for
-- the rows of contributions that earned nothing.
alter table contributed_item add column credit numeric(19, 3);
alter table contributed_item add column policy_version integer;
-- Whether the account retracted its contribution of the item: another account's contribution still vouches for it.
alter table contributed_item add column retracted boolean default false not null;

-- Through which account the consumer first received the item, and what it paid; null when it was free.
alter table delivered_item add column account_id varchar(64);
alter table delivered_item add column cost numeric(19, 3);

-- The registries kept before now know nothing of what was earned and paid. Emptied, they are filled again from the
-- event history as the exchange starts (RegistryRebuild), the amounts with them: every node stops for the upgrade.
delete from request_log;
delete from policy_version;
delete from participant_key;
delete from participant_directory;
delete from shared_object_version;
delete from shared_object;
delete from item_share;
delete from share_audience;
delete from shared_item;
delete from contributed_item;
delete from delivered_item;
delete from acted_on;
delete from sighted;
delete from pool_member;
delete from sharing_group_member;
delete from sharing_group;
