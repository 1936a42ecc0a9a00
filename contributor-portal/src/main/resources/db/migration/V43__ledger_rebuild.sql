-- The ledger gains each account's quality record (contributor_quality), counted from the account's first event. So
-- that no record starts half-way through a history, the ledger's tables are emptied with the ledger processor's place
-- in the event store and its dead letters: as the exchange starts, the ledger rebuilds itself from the first event,
-- as it does on a node that joins with an empty database. Its other projections are left as they are.
delete from token_entry where processor_name = 'ledger';
delete from dead_letter_entry where processing_group = 'ledger';
delete from statement_item;
delete from statement_entry;
delete from account_member;
delete from account_balance;
delete from item_feedback;
delete from contributor_quality;
