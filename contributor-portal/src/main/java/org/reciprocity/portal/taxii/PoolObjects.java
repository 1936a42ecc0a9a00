package org.reciprocity.portal.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.Lists;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.WithdrawalOutcome;
import org.reciprocity.core.kernel.Offer;
import org.reciprocity.core.kernel.OfferedItem;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.withdrawal.DrawPage;
import org.reciprocity.core.withdrawal.WithdrawalReceipt;
import org.reciprocity.ledger.catalogue.CatalogueItem;
import org.reciprocity.ledger.catalogue.CataloguePage;
import org.reciprocity.ledger.catalogue.FindCataloguePage;
import org.reciprocity.ledger.context.CatalogueObject;
import org.reciprocity.ledger.context.ContextObjects;
import org.reciprocity.ledger.context.FindItemsLinked;
import org.reciprocity.ledger.context.FindObjectVersions;
import org.reciprocity.ledger.context.ItemContext;
import org.reciprocity.ledger.context.ItemsLinked;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.sharing.Readers;
import org.reciprocity.portal.stix.StixContext;
import org.reciprocity.portal.stix.StixIndicators;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pool's objects as the TAXII resources and the MISP feed find and deliver them: pages of the catalogue, and each
 * page delivered through the drawer's account, which decides what is charged and how much of the page the balance
 * covers. The resources decide nothing of that themselves.
 */
@Component
public class PoolObjects {

    private static final String DATE_ADDED_FIRST = "X-TAXII-Date-Added-First";
    private static final String DATE_ADDED_LAST = "X-TAXII-Date-Added-Last";

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final PoolMemberships memberships;
    private final StixContext context;
    private final Readers readers;
    private final Counter pagesServed;

    PoolObjects(QueryGateway queries, CommandGateway commands, PoolMemberships memberships, StixContext context,
                Readers readers, MeterRegistry registry) {
        this.queries = queries;
        this.commands = commands;
        this.memberships = memberships;
        this.context = context;
        this.readers = readers;
        this.pagesServed = Counter.builder("exchange.taxii.pages")
                .description("envelopes of objects served to TAXII clients, empty pages included").register(registry);
    }

    /**
     * A page of the catalogue for the filters, as the reader reads it: what was shared with the whole exchange and
     * with every audience that reaches the reader now, and nothing else, so that an item shared elsewhere is absent
     * exactly as one the pool never held.
     *
     * @param heldOnly only what the reader holds (sent or received)
     */
    CataloguePage page(ObjectFilters filters, Member reader, boolean heldOnly) {
        if (filters.selectsNothing()) {
            return new CataloguePage(List.of(), false);
        }
        return queries.query(new FindCataloguePage(filters.after(), filters.addedAfter(), filters.itemIds(),
                heldOnly ? holder(reader) : null, readers.of(reader), filters.size()), CataloguePage.class).join();
    }

    /** A page of the pool in pool order, after a position, as the reader reads it. */
    public CataloguePage after(long position, int size, Member reader) {
        return page(new ObjectFilters(null, position, size, null, false, null), reader, false);
    }

    /** One item by its id, found for a lookup (delivered only through {@link #draw}). */
    CataloguePage item(UUID itemId, Member reader, boolean heldOnly) {
        return page(new ObjectFilters(null, null, 1, List.of(itemId), false, null), reader, heldOnly);
    }

    /**
     * The items of a page as the drawer's account delivers them: a page ends where the balance does, a lookup by id
     * leaves out what it cannot pay for.
     *
     * @throws org.reciprocity.core.withdrawal.QuotaExceededException when the account refused the page, which it
     *                                                                recorded
     */
    public Drawn draw(Member member, List<CatalogueItem> items, Long after, Coverage coverage) {
        Offer offer = new Offer(items.stream().map(item -> new OfferedItem(item.item(), item.corroborations(),
                item.position())).toList(), items.get(items.size() - 1).position());
        WithdrawalOutcome outcome = commands.sendAndWait(new DrawPage(
                memberships.accountOf(member.participantId()), member.participantId(),
                new DrawCriteria(List.of(), null, after, items.size()), offer, coverage));
        WithdrawalReceipt receipt = WithdrawalReceipt.of(outcome);
        Set<UUID> delivered = receipt.items().stream().map(DeliveredItem::item).map(item -> item.id())
                .collect(Collectors.toSet());
        return new Drawn(items.stream().filter(item -> delivered.contains(item.item().id())).toList(),
                receipt.throughPosition(), offer.throughPosition());
    }

    /**
     * Items as the pool serves them now, with the context the member may have: what a withdrawal delivered, served
     * again without being drawn again, as the withdrawal paid for it. An item the catalogue no longer serves is left
     * out.
     */
    public List<JsonNode> asServed(Member member, List<UUID> itemIds) {
        List<CatalogueItem> items = new ArrayList<>(itemIds.size());
        for (List<UUID> chunk : Lists.partition(itemIds, ObjectFilters.MAX_LIMIT)) {
            items.addAll(page(new ObjectFilters(null, null, chunk.size(), chunk, false, null), member, false)
                    .items());
        }
        return context.objects(member.participantId(), items, contextOf(items), heldBy(member));
    }

    /**
     * What a page delivered, and how far the account took it.
     *
     * @param through where the account ended the page: its end, or its last delivered item when the balance cut it
     * @param end     the page's last position
     */
    public record Drawn(List<CatalogueItem> delivered, Long through, Long end) {

        /** Whether the balance ended the page before its end. */
        boolean cutShort() {
            return through != null && through < end;
        }
    }

    /** The context the items of a page would bring. */
    ItemContext contextOf(List<CatalogueItem> items) {
        return context.of(items);
    }

    /**
     * The objects delivered with their context, as an envelope, with the dates TAXII puts in the headers.
     *
     * @param types the types to serve, as {@code match[type]} names them; null for all
     */
    ResponseEntity<TaxiiResources.Envelope> envelope(Member member, List<CatalogueItem> delivered,
                                                    ItemContext linked, List<String> types, boolean more,
                                                    String next) {
        List<JsonNode> objects = context.objects(member.participantId(), delivered, linked, heldBy(member)).stream()
                .filter(object -> types == null || types.contains(object.path("type").asText())).toList();
        // Counted here, as the page is answered, rather than from the withdrawal's event: an empty page, or one of
        // items the reader holds already, is served without a withdrawal, and the MISP feed draws without a page.
        pagesServed.increment();
        return withDatesAdded(delivered, new TaxiiResources.Envelope(more, next, objects.isEmpty() ? null : objects));
    }

    /**
     * A context object's versions, as the caller may see them: its contributor sees every one; anyone else those the
     * pool may deliver, once it holds an item the object is linked to and every item the object names (an object
     * items are read from, a relationship between such objects, gives them away); an anonymous contributor's own
     * identity, no one. Empty when the caller may see none, as if the pool held no such object.
     */
    Optional<List<CatalogueObject>> visibleVersions(String objectId, Member member) {
        List<CatalogueObject> versions = queries.query(new FindObjectVersions(objectId), ContextObjects.class).join()
                .objects();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        CatalogueObject latest = versions.get(versions.size() - 1);
        if (latest.contributorId().equals(member.participantId())) {
            return Optional.of(versions);
        }
        List<CatalogueObject> deliverable = versions.stream().filter(CatalogueObject::deliverable).toList();
        if (deliverable.isEmpty() || !latest.deliverable() || !context.mayReceive(latest, heldBy(member))) {
            return Optional.empty();
        }
        List<UUID> linked = queries.query(new FindItemsLinked(objectId, ObjectFilters.MAX_LIMIT), ItemsLinked.class)
                .join().itemIds();
        return heldBy(member).apply(linked).isEmpty() ? Optional.empty() : Optional.of(deliverable);
    }

    /** Versions of a context object as served to the caller: its author as on every page, its markings with it. */
    List<JsonNode> served(Member member, List<CatalogueObject> versions) {
        return context.served(member.participantId(), versions, heldBy(member));
    }

    /** Which of some items the participant holds: received, or contributed. */
    private Function<Collection<UUID>, Set<UUID>> heldBy(Member member) {
        return items -> {
            Set<UUID> held = new HashSet<>();
            for (List<UUID> chunk : Lists.partition(List.copyOf(new LinkedHashSet<>(items)), ObjectFilters.MAX_LIMIT)) {
                page(new ObjectFilters(null, null, chunk.size(), chunk, false, null), member, true).items()
                        .forEach(item -> held.add(item.item().id()));
            }
            return held;
        };
    }

    /** The page's objects, the dates its first and last were added in the headers TAXII defines (section 3.4.1). */
    static <T> ResponseEntity<T> withDatesAdded(List<CatalogueItem> items, T body) {
        if (items.isEmpty()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.ok()
                .header(DATE_ADDED_FIRST, StixIndicators.timestamp(items.get(0).sharedAt()))
                .header(DATE_ADDED_LAST, StixIndicators.timestamp(items.get(items.size() - 1).sharedAt()))
                .body(body);
    }

    private FindCataloguePage.Holder holder(Member member) {
        return new FindCataloguePage.Holder(member.participantId(), memberships.accountOf(member.participantId()));
    }
}
