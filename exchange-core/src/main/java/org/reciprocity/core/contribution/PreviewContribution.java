package org.reciprocity.core.contribution;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.sharing.Audience;

import java.util.List;
import java.util.Objects;

/**
 * Ask an account what a contribution would earn if it were decided now, recording nothing. It carries what
 * {@link ContributeItems} carries but a request key: nothing is answered that could be asked again. It may carry no
 * item at all, when none of those sent could be read: the answer then still tells the balance.
 *
 * @param items   canonical items, in the contributor's order, repeats allowed
 * @param context  the STIX objects sent with them, in the contributor's order, repeats allowed
 * @param audience whom the items would be shared with; the whole exchange if null
 */
public record PreviewContribution(String accountId, String contributorId, List<Item> items,
                                  List<ContextObject> context, Audience audience) {

    public PreviewContribution {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(contributorId, "contributorId");
        items = items == null ? List.of() : List.copyOf(items);
        context = context == null ? List.of() : List.copyOf(context);
        audience = audience == null ? Audience.EXCHANGE : audience;
    }

    /** The preview of a contribution shared with the whole exchange. */
    public PreviewContribution(String accountId, String contributorId, List<Item> items, List<ContextObject> context) {
        this(accountId, contributorId, items, context, Audience.EXCHANGE);
    }

    /** The account's event stream, whose state the preview is decided on. */
    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }
}
