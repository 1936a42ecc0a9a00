-- The items each account brought to the pool that other participants reported acting on, projected by the 'ledger'
-- tracking processor from the reports and the bonuses they earned. One row per account and item, numbered by the
-- global position of the report that first counted it and its place in that report, which never changes, so that a
-- page continues where the last one ended. The consumers are counted, never named.
create table item_acted_on (
    account_id        varchar(64)                 not null,
    item_number       bigint                      not null,
    item_id           uuid                        not null,
    item_type         varchar(16)                 not null,
    item_value        varchar(4096)               not null,
    first_reported_at timestamp(6) with time zone not null,
    last_reported_at  timestamp(6) with time zone not null,
    consumers         integer                     not null,
    bonus             numeric(19, 3)              not null,
    constraint item_acted_on_pk primary key (account_id, item_number)
);
create unique index item_acted_on_item on item_acted_on (account_id, item_id);
