-- When the credit a contribution line added becomes drawable, for contributions decided under a policy that holds
-- credit for a while first; null for credit drawable at once.
alter table statement_entry add column vests_at timestamp(6) with time zone;
