-- When each item of the shared pool was last known alive (its latest contribution or corroboration, or a consumer's
-- counted sighting), and the latest end of validity its contributors stated; null while there is none.
alter table shared_item add column alive_at timestamp with time zone;
alter table shared_item add column valid_until timestamp with time zone;

-- The items kept before now have no sign of life recorded. Emptied, the registries are filled again from the event
-- history as the exchange starts (RegistryRebuild), the signs of life with them: every node stops for the upgrade.
delete from request_log;
delete from policy_version;
delete from participant_key;
delete from participant_directory;
delete from shared_object_version;
delete from shared_object;
delete from item_share;
delete from share_audience;
delete from shared_item;
delete from contributed_item;
delete from delivered_item;
delete from acted_on;
delete from sighted;
delete from reported_false;
delete from false_positive_weighed;
delete from pool_member;
delete from sharing_group_member;
delete from sharing_group;
