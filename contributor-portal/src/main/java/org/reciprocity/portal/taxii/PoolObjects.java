package org.reciprocity.portal.taxii;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.stix.StixIndicators;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The pool's objects as the TAXII resources find and deliver them: pages of the catalogue, and each page delivered
 * through the drawer's account, which decides what is charged and how much of the page the balance covers. The
 * resources decide nothing of that themselves.
 */
@Component
class PoolObjects {

    private static final String DATE_ADDED_FIRST = "X-TAXII-Date-Added-First";
    private static final String DATE_ADDED_LAST = "X-TAXII-Date-Added-Last";

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final PoolMemberships memberships;

    PoolObjects(QueryGateway queries, CommandGateway commands, PoolMemberships memberships) {
        this.queries = queries;
        this.commands = commands;
        this.memberships = memberships;
    }

    /**
     * A page of the catalogue for the filters.
     *
     * @param heldBy only what this participant holds (sent or received); null for the whole pool
     */
    CataloguePage page(ObjectFilters filters, Member heldBy) {
        if (filters.selectsNothing()) {
            return new CataloguePage(List.of(), false);
        }
        return queries.query(new FindCataloguePage(filters.after(), filters.addedAfter(), filters.itemIds(),
                heldBy == null ? null : holder(heldBy), filters.size()), CataloguePage.class).join();
    }

    /** One item by its id, found for a lookup (delivered only through {@link #draw}). */
    CataloguePage item(UUID itemId, Member heldBy) {
        return page(new ObjectFilters(null, null, 1, List.of(itemId), false), heldBy);
    }

    /**
     * The items of a page as the drawer's account delivers them: a page ends where the balance does, a lookup by id
     * leaves out what it cannot pay for.
     *
     * @throws org.reciprocity.core.withdrawal.QuotaExceededException when the account refused the page, which it
     *                                                                recorded
     */
    Drawn draw(Member member, List<CatalogueItem> items, Long after, Coverage coverage) {
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
     * What a page delivered, and how far the account took it.
     *
     * @param through where the account ended the page: its end, or its last delivered item when the balance cut it
     * @param end     the page's last position
     */
    record Drawn(List<CatalogueItem> delivered, Long through, Long end) {

        /** Whether the balance ended the page before its end. */
        boolean cutShort() {
            return through != null && through < end;
        }
    }

    /** The objects delivered, as an envelope, with the dates TAXII puts in the headers. */
    static ResponseEntity<TaxiiResources.Envelope> envelope(List<CatalogueItem> delivered, boolean more, String next) {
        return withDatesAdded(delivered, new TaxiiResources.Envelope(more, next, delivered.isEmpty() ? null
                : delivered.stream().map(StixIndicators::of).map(JsonNode.class::cast).toList()));
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
