-- The ledger: balances and statements, projected from the account events by the 'ledger' tracking processor.

create table account_balance (
    account_id    varchar(64)                 not null,
    earned        numeric(19, 3)              not null,
    granted       numeric(19, 3)              not null,
    spent         numeric(19, 3)              not null,
    expired       numeric(19, 3)              not null,
    balance       numeric(19, 3)              not null,
    contributions integer                     not null,
    withdrawals   integer                     not null,
    refusals      integer                     not null,
    last_position bigint                      not null,
    updated_at    timestamp(6) with time zone not null,
    book          varchar                     not null, -- the account's lots (AccountBook), as JSON
    constraint account_balance_pk primary key (account_id)
);

create table statement_entry (
    account_id     varchar(64)                 not null,
    position       bigint                      not null,
    occurred_at    timestamp(6) with time zone not null,
    entry_type     varchar(16)                 not null,
    participant_id varchar(64),
    amount         numeric(19, 3)              not null,
    credit         numeric(19, 3),
    balance_after  numeric(19, 3)              not null,
    cause          varchar(16)                 not null,
    cause_id       uuid                        not null,
    request_key    varchar(128),
    items          integer                     not null,
    policy_version integer,
    detail         varchar(500),
    constraint statement_entry_pk primary key (account_id, position)
);

-- The items of contribution and withdrawal lines: the rule (or charge) and weight of each, and what it earned (or
-- cost).
create table statement_item (
    account_id varchar(64)    not null,
    position   bigint         not null,
    ordinal    integer        not null,
    item_type  varchar(16)    not null,
    item_value varchar(4096)  not null,
    tlp        varchar(16)    not null,
    rule       varchar(24)    not null,
    weight     numeric(38, 12),
    credit     numeric(19, 3) not null,
    constraint statement_item_pk primary key (account_id, position, ordinal)
);

-- What each participant put into and drew from each account: a pool's members' shares.
create table account_member (
    account_id     varchar(64)    not null,
    participant_id varchar(64)    not null,
    earned         numeric(19, 3) not null,
    spent          numeric(19, 3) not null,
    constraint account_member_pk primary key (account_id, participant_id)
);

-- The shared catalogue, projected from the contributions by the 'catalogue' tracking processor. One row per item;
-- the attributes are merged over the contributions that the pool may share (CLEAR, GREEN, AMBER), so nothing said
-- under AMBER+STRICT or RED ever shows here. pool_position numbers the items 1, 2, 3... in the order they became
-- drawable: the cursor consumers continue from.
create table catalogue_item (
    item_id         uuid                        not null,
    item_type       varchar(16)                 not null,
    item_value      varchar(4096)               not null, -- ItemType.MAX_VALUE_LENGTH
    first_position  bigint                      not null,
    first_added_at  timestamp(6) with time zone not null,
    pool_position   bigint,
    shared_at       timestamp(6) with time zone,
    shared_position bigint,
    confidence      integer,
    tlp             varchar(16),
    first_seen      timestamp(6) with time zone,
    last_seen       timestamp(6) with time zone,
    tags            varchar,
    corroborations  integer                     not null,
    modified_at     timestamp(6) with time zone,
    constraint catalogue_item_pk primary key (item_id)
);

-- Withdrawals read the shared items in pool order, optionally of some types only.
create unique index catalogue_item_pool on catalogue_item (pool_position);
create index catalogue_item_type_pool on catalogue_item (item_type, pool_position);
-- TAXII's added_after: where in the pool a date begins (dates never decrease along the pool, see CatalogueProjection).
create index catalogue_item_shared_at on catalogue_item (shared_at, pool_position);
