-- When each item of the catalogue was last known alive (its latest contribution or corroboration, or a consumer's
-- counted sighting) and the latest end of validity its contributors stated, as the registries keep them: a withdrawal
-- by score chooses the best items with them (the rule kernel's ItemScore).
alter table catalogue_item add column alive_at timestamp(6) with time zone;
alter table catalogue_item add column valid_until timestamp(6) with time zone;

-- The items catalogued before now take both from the shared pool's registry, which holds them exactly. Where it is
-- empty (it is being filled again from the history, as after the upgrade to items that expire), an item is taken as
-- alive when what is served of it last changed, or when its contributors last saw it if that is earlier; a replay of
-- the catalogue gives every item its exact instants.
update catalogue_item set
    alive_at = coalesce((select s.alive_at from shared_item s where s.item_id = catalogue_item.item_id),
        case when last_seen is not null and last_seen < modified_at then last_seen else modified_at end),
    valid_until = (select s.valid_until from shared_item s where s.item_id = catalogue_item.item_id);
