-- Axon Framework's JPA storage engine: the event store, snapshots, tracking tokens, sagas and dead letters.
-- One script for H2 and PostgreSQL. Payloads are bytea, not large objects (see BinaryPayloads), and the global
-- index sequence steps by one, which Hibernate follows (see application.yml and docs/architecture.md).

create sequence domain_event_entry_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index         bigint       not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint domain_event_entry_pk primary key (global_index),
    constraint domain_event_entry_aggregate_sequence unique (aggregate_identifier, sequence_number),
    constraint domain_event_entry_identifier unique (event_identifier)
);

-- Auditors ask for time ranges; Axon's createTokenAt(instant) asks the same question.
create index domain_event_entry_time on domain_event_entry (time_stamp);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint snapshot_event_entry_pk primary key (aggregate_identifier, sequence_number, type),
    constraint snapshot_event_entry_identifier unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255) not null,
    owner          varchar(255),
    constraint token_entry_pk primary key (processor_name, segment)
);

create sequence association_value_entry_seq start with 1 increment by 50;

create table association_value_entry (
    id                bigint       not null,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255),
    constraint association_value_entry_pk primary key (id)
);
create index association_value_entry_lookup on association_value_entry (saga_type, association_key, association_value);
create index association_value_entry_saga on association_value_entry (saga_id, saga_type);

create table saga_entry (
    saga_id         varchar(255) not null,
    saga_type       varchar(255),
    revision        varchar(255),
    serialized_saga bytea,
    constraint saga_entry_pk primary key (saga_id)
);

create table dead_letter_entry (
    dead_letter_id       varchar(255)                not null,
    processing_group     varchar(255)                not null,
    sequence_identifier  varchar(255)                not null,
    sequence_index       bigint                      not null,
    message_type         varchar(255)                not null,
    event_identifier     varchar(255)                not null,
    time_stamp           varchar(255)                not null,
    payload_type         varchar(255)                not null,
    payload_revision     varchar(255),
    payload              bytea                       not null,
    meta_data            bytea,
    type                 varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          timestamp(6) with time zone not null,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    constraint dead_letter_entry_pk primary key (dead_letter_id),
    constraint dead_letter_entry_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_group on dead_letter_entry (processing_group);
create index dead_letter_entry_group_sequence on dead_letter_entry (processing_group, sequence_identifier);
