-- What the catalogue serves of items shared with audiences narrower than the whole exchange (sharing groups, named
-- participants, borders), projected by the 'catalogue' processor beside catalogue_item, which keeps what everyone
-- may read. One row per item, audience and marking, its attributes merged over those contributions alone, so that
-- what a group was told never shows to anyone outside it. Rows take their pool positions from the same numbering as
-- catalogue_item: a reader's page is the rows that reach it, in pool order.
create table catalogue_audience (
    audience_id char(64) not null,
    audience    varchar  not null, -- the Audience, as JSON
    constraint catalogue_audience_pk primary key (audience_id)
);

create table catalogue_share (
    item_id        uuid                        not null,
    audience_id    char(64)                    not null,
    tlp            varchar(16)                 not null,
    share_key      varchar(90)                 not null, -- audience_id:tlp, what a reader's reach is matched on
    pool_position  bigint                      not null,
    shared_at      timestamp(6) with time zone not null,
    confidence     integer,
    first_seen     timestamp(6) with time zone,
    last_seen      timestamp(6) with time zone,
    tags           varchar                     not null,
    corroborations integer                     not null,
    modified_at    timestamp(6) with time zone not null,
    constraint catalogue_share_pk primary key (item_id, audience_id, tlp)
);
create unique index catalogue_share_pool on catalogue_share (pool_position);
create index catalogue_share_key_pool on catalogue_share (share_key, pool_position);
create index catalogue_share_shared_at on catalogue_share (shared_at, pool_position);
