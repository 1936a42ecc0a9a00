-- Each account's quality record (the rule kernel's QualityRecord), projected by the 'ledger' tracking processor from
-- the account's own events: the items it brought that earned credit, the reports of acting on them and of seeing
-- them, the reports of them as false positives, those judged false, and those it retracted.
create table contributor_quality (
    account_id     varchar(64)                 not null,
    contributed    bigint                      not null,
    acted_on       bigint                      not null,
    sighted        bigint                      not null,
    reported_false bigint                      not null,
    judged_false   bigint                      not null,
    retracted      bigint                      not null,
    last_position  bigint                      not null, -- the last event counted, so that none counts twice
    updated_at     timestamp(6) with time zone not null,
    constraint contributor_quality_pk primary key (account_id)
);
