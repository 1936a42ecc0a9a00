-- Whether a statement line's item went through a share narrower than the whole exchange (contributed to groups,
-- named participants or inside a border, or delivered through such a share): those who share the account are shown
-- its value only if they sent or drew it themselves. Lines recorded before audiences could be chosen were all open.
alter table statement_item add column narrow boolean default false not null;
