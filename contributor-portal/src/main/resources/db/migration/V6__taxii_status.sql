-- TAXII status resources: what became of each envelope of objects a client added (GET .../status/{id}/).
create table taxii_status (
    status_id      varchar(64)                 not null,
    participant_id varchar(64)                 not null,
    created        timestamp(6) with time zone not null,
    body           varchar                     not null,
    constraint taxii_status_pk primary key (status_id)
);
