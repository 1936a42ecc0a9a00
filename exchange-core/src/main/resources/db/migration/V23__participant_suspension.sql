-- Why a participant is suspended (ParticipantSuspended), null while it is not: its key is refused until it is
-- reinstated (ParticipantReinstated).
alter table participant_directory add column suspension_reason varchar(500);
