-- The hash chain over the event store (see docs/audit.md): one link per event, written in the transaction that
-- appends the event, under the append lock.
create table event_chain (
    position bigint   not null,
    link     char(64) not null,
    constraint event_chain_pk primary key (position)
);

-- The chain's head, kept on the lock row that every append holds: the last position linked and its link.
alter table event_append_lock add column chain_position bigint default -1 not null;
alter table event_append_lock add column chain_link char(64) default '0000000000000000000000000000000000000000000000000000000000000000' not null;

-- Signed statements of the chain's head, published at intervals: what an auditor keeps.
create table chain_checkpoint (
    position  bigint                      not null,
    link      char(64)                    not null,
    signed_at timestamp(6) with time zone not null,
    key_id    varchar(64)                 not null,
    signature varchar(128)                not null,
    constraint chain_checkpoint_pk primary key (position)
);
