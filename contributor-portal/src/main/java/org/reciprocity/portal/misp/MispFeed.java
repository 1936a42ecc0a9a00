package org.reciprocity.portal.misp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.ledger.catalogue.CatalogueItem;
import org.reciprocity.ledger.catalogue.FindHeldItems;
import org.reciprocity.ledger.catalogue.FindPoolBlocks;
import org.reciprocity.ledger.catalogue.HeldItems;
import org.reciprocity.ledger.catalogue.PoolBlocks;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.sharing.Readers;
import org.reciprocity.portal.taxii.PoolObjects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pool as a MISP feed: the layout MISP's "Add feed" reads ({@code manifest.json}, one {@code <uuid>.json} per
 * event, {@code hashes.csv}). The pool is cut into events of a fixed number of consecutive pool positions, so that an
 * event is always the same items, in pool order, and grows only while it is the last; its timestamp is when what is
 * served of any of its items last changed, which is when MISP fetches it again.
 * <p>
 * Metered as TAXII is: the manifest says what each event is without a value, free; fetching an event is one withdrawal
 * of its items through the reader's account (never charged twice, nor for one's own), delivered whole or refused
 * ({@code 409}) when the balance does not cover it, so that MISP, which fetches an event again only once its
 * timestamp moves, never keeps half of one. {@code hashes.csv} lists only what the reader's account holds: a hash of
 * a value it could guess would otherwise tell it for free whether the pool holds that value.
 */
@Component
class MispFeed {

    /** The organisation MISP shows as the events' creator. */
    static final String ORGANISATION = "Reciprocity Exchange";
    static final String ORGANISATION_UUID = UUID.nameUUIDFromBytes("reciprocity-exchange:organisation"
            .getBytes(StandardCharsets.UTF_8)).toString();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    // An event's uuid says which block of the pool it is: a version-8 (custom) UUID ending in the block's number.
    private static final String EVENT_PREFIX = "52656369-7072-8000-8000-";
    private static final Pattern EVENT = Pattern.compile(EVENT_PREFIX + "([0-9a-f]{12})");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    private final QueryGateway queries;
    private final PoolObjects pool;
    private final Readers readers;
    private final PoolMemberships memberships;
    private final int eventSize;

    MispFeed(QueryGateway queries, PoolObjects pool, Readers readers, PoolMemberships memberships,
             @Value("${exchange.misp.event-size:500}") int eventSize) {
        this.queries = queries;
        this.pool = pool;
        this.readers = readers;
        this.memberships = memberships;
        this.eventSize = eventSize;
    }

    /** Every event of the feed by its uuid, what MISP lists before it fetches: no value in it. */
    ObjectNode manifest(Member member) {
        ObjectNode manifest = JSON.objectNode();
        for (PoolBlocks.Block block : queries.query(new FindPoolBlocks(eventSize, readers.of(member)),
                PoolBlocks.class).join().blocks()) {
            ObjectNode event = manifest.putObject(uuidOf(block.index()));
            event.put("info", info(block.index())).put("date", DATE.format(block.firstAdded()))
                    .put("analysis", "2").put("threat_level_id", "4")
                    .put("timestamp", seconds(block.lastModified())).put("publish_timestamp",
                            seconds(block.lastModified()));
            organisation(event);
            event.putArray("Tag");
        }
        return manifest;
    }

    /**
     * One event, drawn through the reader's account; empty when the pool holds no such event.
     *
     * @throws org.reciprocity.core.withdrawal.QuotaExceededException when the balance does not cover it whole
     */
    Optional<ObjectNode> event(Member member, String uuid) {
        Optional<Long> index = indexOf(uuid);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        long after = index.get() * eventSize;
        // The event is its block of positions; a reader who may not read some of them finds the block shorter.
        List<CatalogueItem> items = pool.after(after, eventSize, member).items().stream()
                .filter(item -> item.position() <= after + eventSize).toList();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<CatalogueItem> delivered = pool.draw(member, items, after, Coverage.WHOLE).delivered();
        Instant lastModified = delivered.stream().map(CatalogueItem::modifiedAt).max(Instant::compareTo)
                .orElseThrow();
        ObjectNode event = JSON.objectNode();
        ObjectNode body = event.putObject("Event").put("uuid", uuid).put("info", info(index.get()))
                .put("date", DATE.format(delivered.get(0).sharedAt())).put("analysis", "2")
                .put("threat_level_id", "4").put("published", true).put("timestamp", seconds(lastModified))
                .put("publish_timestamp", seconds(lastModified));
        organisation(body);
        body.putArray("Tag");
        ArrayNode attributes = body.putArray("Attribute");
        delivered.forEach(item -> attribute(attributes.addObject(), item));
        return Optional.of(event);
    }

    /**
     * {@code md5(value),event uuid} for each item the reader's account holds, as MISP caches feeds by: read from the
     * account's statements, not by walking the pool.
     */
    String hashes(Member member) {
        StringBuilder csv = new StringBuilder();
        for (HeldItems.Held held : queries.query(new FindHeldItems(memberships.accountOf(member.participantId())),
                HeldItems.class).join().items()) {
            csv.append(md5(held.value())).append(',').append(uuidOf((held.position() - 1) / eventSize)).append('\n');
        }
        return csv.toString();
    }

    private static void attribute(ObjectNode attribute, CatalogueItem pooled) {
        Item item = pooled.item();
        MispAttributes.Typed typed = MispAttributes.of(item.type());
        // An item that left the pool comes once more as its attribute deleted, no longer for detection: a MISP that
        // pulls the feed removes it as it would one deleted at its source.
        boolean revoked = pooled.revoked();
        attribute.put("uuid", item.id().toString()).put("type", typed.type()).put("category", typed.category())
                .put("value", item.value()).put("to_ids", !revoked).put("timestamp", seconds(pooled.modifiedAt()))
                .put("comment", revoked ? "revoked: it left the shared pool" : "").put("distribution", "5")
                .put("deleted", revoked);
        if (item.firstSeen() != null) {
            attribute.put("first_seen", SEEN.format(item.firstSeen()));
        }
        if (item.lastSeen() != null) {
            attribute.put("last_seen", SEEN.format(item.lastSeen()));
        }
        ArrayNode tags = attribute.putArray("Tag");
        tags.addObject().put("name", "tlp:" + item.tlp().label().toLowerCase(Locale.ROOT));
        item.tags().forEach(tag -> tags.addObject().put("name", tag));
    }

    private static void organisation(ObjectNode event) {
        event.putObject("Orgc").put("name", ORGANISATION).put("uuid", ORGANISATION_UUID);
    }

    private String info(long index) {
        return ORGANISATION + " shared pool, items " + (index * eventSize + 1) + " to " + ((index + 1) * eventSize);
    }

    static String uuidOf(long index) {
        return EVENT_PREFIX + String.format("%012x", index);
    }

    private static Optional<Long> indexOf(String uuid) {
        Matcher matcher = EVENT.matcher(uuid);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1), 16)) : Optional.empty();
    }

    private static String seconds(Instant instant) {
        return String.valueOf(instant.getEpochSecond());
    }

    private static String md5(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
