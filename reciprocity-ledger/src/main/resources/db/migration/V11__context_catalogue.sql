-- The context of the shared catalogue: the STIX objects contributors sent around the items, each version as it was
-- first sent, projected by the 'catalogue' tracking processor together with the items, so that what a contribution
-- made drawable is drawable with its context at once.

-- Every version of every object kept. 'latest' marks the one served; an object STIX does not version has one, kept
-- as 1970-01-01. On the latest version, what gathering an item's context needs without reading further: whether
-- items are read from the object, and, for a relationship or sighting, how many of the objects it relates items are
-- read from (one naming another item's object is that item's context).
create table context_object (
    object_id       varchar(300)                not null,
    version         timestamp(6) with time zone not null,
    object_type     varchar(250)                not null,
    contribution_id uuid                        not null,
    contributor_id  varchar(64)                 not null,
    tlp             varchar(16)                 not null,
    latest          boolean                     not null,
    added_at        timestamp(6) with time zone not null,
    content         varchar                     not null,
    is_source       boolean                     not null,
    sources_named   integer                     not null,
    constraint context_object_pk primary key (object_id, version)
);

-- The references of each object's latest version (relationship ends, object_refs, other *_ref properties), read both
-- ways when an item's context is gathered.
create table context_link (
    from_id varchar(300) not null,
    to_id   varchar(300) not null,
    constraint context_link_pk primary key (from_id, to_id)
);
create index context_link_to on context_link (to_id, from_id);

-- The marking definitions each object's latest version uses: delivered with it, never followed further.
create table context_marking (
    object_id  varchar(300) not null,
    marking_id varchar(300) not null,
    constraint context_marking_pk primary key (object_id, marking_id)
);

-- The objects each item was read from: a contributor's indicators and observables.
create table item_object (
    item_id   uuid         not null,
    object_id varchar(300) not null,
    constraint item_object_pk primary key (item_id, object_id)
);
create index item_object_object on item_object (object_id);

-- The identities some context object names as its author (created_by_ref): an anonymous contributor's are never
-- delivered, since they would say who it is.
create table context_author (
    object_id varchar(300) not null,
    constraint context_author_pk primary key (object_id)
);

-- The contributions the catalogue has taken in: a TAXII status is complete once its contribution is here.
create table catalogued_contribution (
    contribution_id uuid not null,
    constraint catalogued_contribution_pk primary key (contribution_id)
);

-- Whether any object an item was read from is kept: an item with none has no context to gather, and a page of such
-- items costs no more than it did before context was kept.
alter table catalogue_item add column has_context boolean default false not null;
