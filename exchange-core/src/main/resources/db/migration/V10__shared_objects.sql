-- The context objects of the shared pool (the STIX objects sent around its items), for what the command side decides
-- with: who owns each id (the participant that first sent it; its primary key refuses a second owner when two
-- contributions of a new object race), and which versions the pool holds.
create table shared_object (
    object_id       varchar(300) not null,
    contributor_id  varchar(64)  not null,
    contribution_id uuid         not null,
    constraint shared_object_pk primary key (object_id)
);

-- An object STIX does not version (a cyber-observable, a marking definition) has one version, kept as 1970-01-01.
create table shared_object_version (
    object_id varchar(300)                not null,
    version   timestamp(6) with time zone not null,
    constraint shared_object_version_pk primary key (object_id, version)
);
