-- The registries: what the command side decides with. Each is written in the same transaction as the event it
-- follows (the 'registries' processing group is subscribing), so it is never behind the event store.

-- Who may act, and with which key (a SHA-256 hash; the key itself is never stored).
create table participant_directory (
    participant_id varchar(64)                 not null,
    kind           varchar(16)                 not null,
    name           varchar(200)                not null,
    sector         varchar(64)                 not null,
    country        char(2)                     not null,
    api_key_hash   char(64)                    not null,
    registered_at  timestamp(6) with time zone not null,
    constraint participant_directory_pk primary key (participant_id),
    constraint participant_directory_key unique (api_key_hash)
);

-- Every item in the pool and the contribution that brought it first. The primary key is what refuses a second
-- "first" when two contributions of the same new item race.
create table pool_item (
    item_id         uuid        not null,
    item_type       varchar(16) not null,
    contribution_id uuid        not null,
    constraint pool_item_pk primary key (item_id)
);

-- The requests each account has answered, by client key, and where in the account's stream the answer is.
create table request_log (
    account_id      varchar(64)  not null,
    kind            varchar(16)  not null,
    request_key     varchar(128) not null,
    fingerprint     char(64)     not null,
    sequence_number bigint       not null,
    constraint request_log_pk primary key (account_id, kind, request_key)
);
