-- The one row a node holds while it fills empty registries from the history: nodes that join a new database at
-- once take turns, and the later ones find the registries filled.
create table registry_rebuild (
    id int not null,
    constraint registry_rebuild_pk primary key (id)
);
insert into registry_rebuild (id) values (1);
