-- Whether consumers may see who a participant is in what it contributed (DisclosureChosen); anonymous until it
-- chooses to be named.
alter table participant_directory add column named boolean default false not null;
