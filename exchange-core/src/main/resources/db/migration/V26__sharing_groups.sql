-- The sharing groups, as their events formed and changed them: written by the 'registries' processor in the
-- transaction of each event, so that a decision taken the moment after sees the group as it now stands. Audiences
-- are evaluated as of an instant, so named memberships keep their spells rather than being deleted.
create table sharing_group (
    group_id  varchar(64)                 not null,
    name      varchar(200)                not null,
    sectors   varchar(2000)               not null, -- comma-separated STIX industry sectors; empty for any
    countries varchar(2000)               not null, -- comma-separated ISO 3166-1 alpha-2 codes; empty for any
    formed_by varchar(64)                 not null,
    formed_at timestamp(6) with time zone not null,
    constraint sharing_group_pk primary key (group_id)
);

create table sharing_group_member (
    group_id       varchar(64)                 not null,
    participant_id varchar(64)                 not null,
    added_at       timestamp(6) with time zone not null,
    removed_at     timestamp(6) with time zone,
    constraint sharing_group_member_pk primary key (group_id, participant_id, added_at)
);
create index sharing_group_member_participant on sharing_group_member (participant_id);
