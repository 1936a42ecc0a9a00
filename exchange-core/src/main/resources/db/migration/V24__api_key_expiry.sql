-- When a participant's key stops working (ApiKeyReissued.expiresAt), null for never; and the key it replaced, which
-- keeps working until the end of the rotation's grace period (ApiKeyReissued.previousKeyWorksUntil).
alter table participant_directory add column api_key_expires_at timestamp(6) with time zone;
alter table participant_directory add column previous_key_hash char(64);
alter table participant_directory add column previous_key_until timestamp(6) with time zone;
create index participant_directory_previous_key on participant_directory (previous_key_hash);
