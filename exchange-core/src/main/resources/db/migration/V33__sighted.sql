-- The items each consumer reported seeing in its own systems and that counted: a consumer's sighting of an item
-- earns its sharer a bonus once, as its report of acting on it does (acted_on).
create table sighted (
    consumer_id varchar(64) not null,
    item_id     uuid        not null,
    constraint sighted_pk primary key (consumer_id, item_id)
);
