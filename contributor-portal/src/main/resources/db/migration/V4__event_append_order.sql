-- One row that every transaction appending events locks first (WriteOrderedEventStorageEngine): appends are then
-- committed one after another, so the global index order is the commit order on every node.
create table event_append_lock (
    id integer not null,
    constraint event_append_lock_pk primary key (id)
);
insert into event_append_lock (id) values (1);
