-- The point-of-contact directory: one row per participant, projected by the 'contacts' tracking processor from its
-- registration and its contacts' events. A participant that has published nothing keeps a row without contacts, so
-- that the operator sees it among those to chase. confirmed_at is the latest of publishing and confirming: how
-- current the entry is. The audience is kept as the event wrote it (JSON), to be evaluated when read.
create table contact_entry (
    participant_id varchar(64)                 not null,
    name           varchar(200)                not null,
    kind           varchar(16)                 not null,
    country        varchar(2)                  not null,
    registered_at  timestamp(6) with time zone not null,
    team           varchar(200),
    email          varchar(254),
    phone          varchar(32),
    pgp_key        varchar(16384),
    hours          varchar(200),
    policy_url     varchar(2048),
    audience       varchar(40000),
    marking        varchar(16),
    published_by   varchar(64),
    published_at   timestamp(6) with time zone,
    confirmed_at   timestamp(6) with time zone,
    constraint contact_entry_pk primary key (participant_id)
);
