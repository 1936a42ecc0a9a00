-- Items shared with audiences narrower than the whole exchange (sharing groups, named participants, borders): one row
-- per item and audience, with the freest marking any contribution to that audience gave it. What is shared with the
-- whole exchange stays in shared_item.shared_tlp. Written by the 'registries' processor in the deciding transaction.
create table share_audience (
    audience_id char(64) not null, -- Audience.id(): a digest of its canonical form
    audience    varchar  not null, -- the Audience, as JSON
    constraint share_audience_pk primary key (audience_id)
);

create table item_share (
    item_id     uuid        not null,
    audience_id char(64)    not null,
    tlp         varchar(16) not null,
    constraint item_share_pk primary key (item_id, audience_id)
);
