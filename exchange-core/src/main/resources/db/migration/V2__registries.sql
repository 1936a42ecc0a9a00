-- The registries: what the command side decides with. Each is written in the same transaction as the event it
-- follows (the 'registries' processing group is subscribing), so it is never behind the event store.

-- Who may act, and with which key (a SHA-256 hash; the key itself is never stored). Pools have no key.
create table participant_directory (
    participant_id varchar(64)                 not null,
    kind           varchar(16)                 not null,
    name           varchar(200)                not null,
    sector         varchar(64)                 not null,
    country        char(2)                     not null,
    api_key_hash   char(64),
    registered_at  timestamp(6) with time zone not null,
    constraint participant_directory_pk primary key (participant_id),
    constraint participant_directory_key unique (api_key_hash)
);

-- The pool each member belongs to; the primary key admits one pool per participant. 'joined' orders the members by
-- their place in the pool's stream.
create table pool_member (
    member_id varchar(64) not null,
    pool_id   varchar(64) not null,
    joined    bigint      not null,
    constraint pool_member_pk primary key (member_id)
);

-- Every item in the pool, the contribution, account and contributor that brought it first, and the account that
-- first shared it under a marking the pool may deliver (who earns the bonus when a consumer acts on it). The primary
-- key is what refuses a second "first" when two contributions of the same new item race.
create table pool_item (
    item_id         uuid        not null,
    item_type       varchar(16) not null,
    contribution_id uuid        not null,
    account_id      varchar(64) not null,
    contributor_id  varchar(64) not null,
    shared_by       varchar(64),
    constraint pool_item_pk primary key (item_id)
);

-- Which account (and through it, which participant) contributed which item: a repeat earns nothing, and a consumer
-- is not charged for its own contributions.
create table contributed_item (
    account_id     varchar(64) not null,
    item_id        uuid        not null,
    contributor_id varchar(64) not null,
    constraint contributed_item_pk primary key (account_id, item_id)
);
create index contributed_item_contributor on contributed_item (contributor_id, item_id);

-- Which participant received which item, paid or free: it is not charged for it again, nor credited for passing it
-- back.
create table delivered_item (
    consumer_id varchar(64) not null,
    item_id     uuid        not null,
    constraint delivered_item_pk primary key (consumer_id, item_id)
);

-- Which consumer reported acting on which item: each report of an item earns one bonus.
create table acted_on (
    consumer_id varchar(64) not null,
    item_id     uuid        not null,
    constraint acted_on_pk primary key (consumer_id, item_id)
);

-- The requests each account has answered, by requester and client key, and where in the account's stream the answer
-- is. Keys are a requester's own: the members of a pool share its account, not their keys.
create table request_log (
    account_id      varchar(64)  not null,
    kind            varchar(16)  not null,
    requester_id    varchar(64)  not null,
    request_key     varchar(128) not null,
    fingerprint     char(64)     not null,
    sequence_number bigint       not null,
    constraint request_log_pk primary key (account_id, kind, requester_id, request_key)
);

-- The versions of the reciprocity policy, each with its terms (JSON) and the instant it applies from.
create table policy_version (
    version        integer                     not null,
    effective_from timestamp(6) with time zone not null,
    rules          varchar                     not null,
    -- The later version that replaced this one before it took effect; null while it applies or will apply.
    replaced_by    integer,
    constraint policy_version_pk primary key (version)
);
