-- Appends no longer take a lock that orders them: the hash chain is linked after the appends commit, in global
-- order, by one linker at a time. Its head moves from the old lock row to a row of its own, which the linker locks.
create table chain_head (
    id       integer  not null,
    position bigint   not null,
    link     char(64) not null,
    constraint chain_head_pk primary key (id)
);
insert into chain_head (id, position, link) select 1, chain_position, chain_link from event_append_lock where id = 1;
drop table event_append_lock;
