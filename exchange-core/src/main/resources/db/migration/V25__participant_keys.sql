-- A participant's keys, each under a name of its own (one per system or person): issued (ApiKeyIssued, or
-- ParticipantRegistered for the 'default' key), replaced under the same name (ApiKeyReissued), revoked
-- (ApiKeyRevoked: the row goes). A key replaced by a rotation keeps working until previous_key_until.
create table participant_key (
    participant_id     varchar(64)                 not null,
    key_name           varchar(64)                 not null,
    key_hash           char(64)                    not null,
    expires_at         timestamp(6) with time zone,
    previous_key_hash  char(64),
    previous_key_until timestamp(6) with time zone,
    issued_at          timestamp(6) with time zone not null,
    -- When the key was last replaced under its name; null while it is the one first issued.
    rotated_at         timestamp(6) with time zone,
    constraint participant_key_pk primary key (participant_id, key_name),
    constraint participant_key_hash unique (key_hash)
);
create index participant_key_previous on participant_key (previous_key_hash);

-- The one key each participant held until now becomes its 'default' key. When it was last reissued was never kept,
-- so it reads as issued at the registration and never rotated; the events say the rest.
insert into participant_key (participant_id, key_name, key_hash, expires_at, previous_key_hash, previous_key_until,
                             issued_at)
select participant_id, 'default', api_key_hash, api_key_expires_at, previous_key_hash, previous_key_until,
       registered_at
from participant_directory
where api_key_hash is not null;

drop index participant_directory_previous_key;
alter table participant_directory drop constraint participant_directory_key;
alter table participant_directory drop column api_key_hash;
alter table participant_directory drop column api_key_expires_at;
alter table participant_directory drop column previous_key_hash;
alter table participant_directory drop column previous_key_until;
