package org.reciprocity.core.contribution;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.sharing.Audience;

import java.util.List;
import java.util.Objects;

/**
 * Contribute a batch of items to the shared pool, and the context objects around them, crediting an account: the
 * contributor's own, or its pool's.
 *
 * @param accountId     the account credited
 * @param contributorId the participant contributing
 * @param requestKey    the client's key for this batch: the same key sent again gets the first answer
 * @param items         canonical items, in the contributor's order, repeats allowed
 * @param context       the STIX objects sent with them, in the contributor's order, repeats allowed
 * @param audience      whom the items are shared with, the border resolved into countries; the whole exchange if null
 */
public record ContributeItems(String accountId, String contributorId, String requestKey, List<Item> items,
                              List<ContextObject> context, Audience audience) {

    public ContributeItems {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(contributorId, "contributorId");
        RequestKeys.require(requestKey);
        items = items == null ? List.of() : List.copyOf(items);
        context = context == null ? List.of() : List.copyOf(context);
        audience = audience == null ? Audience.EXCHANGE : audience;
        if (items.isEmpty() && context.isEmpty()) {
            throw new InvalidInputException("items", "a contribution carries at least one item");
        }
    }

    /** A contribution shared with the whole exchange. */
    public ContributeItems(String accountId, String contributorId, String requestKey, List<Item> items,
                           List<ContextObject> context) {
        this(accountId, contributorId, requestKey, items, context, Audience.EXCHANGE);
    }

    /** A contribution of items alone, shared with the whole exchange. */
    public ContributeItems(String accountId, String contributorId, String requestKey, List<Item> items) {
        this(accountId, contributorId, requestKey, items, List.of(), Audience.EXCHANGE);
    }

    /** The account's event stream, where the command is decided. */
    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    /** Identifies the content of the batch, so that a key reused for other content can be told from a retry. */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder(items.size() * 96).append(contributorId).append('\n');
        for (Item item : items) {
            canonical.append(item.type().label()).append('|').append(item.value()).append('|')
                    .append(item.confidence()).append('|').append(item.tlp().label()).append('|')
                    .append(item.firstSeen()).append('|').append(item.lastSeen()).append('|')
                    .append(String.join(",", item.tags())).append('\n');
        }
        for (ContextObject object : context) {
            canonical.append(object.id()).append('|').append(object.version()).append('|').append(object.content())
                    .append('\n');
        }
        // The whole exchange adds nothing, so that what was sent before audiences could be chosen keeps its print.
        if (!audience.isWholeExchange()) {
            canonical.append("audience|").append(audience.id()).append('\n');
        }
        return RequestKeys.fingerprint(canonical);
    }
}
