package org.reciprocity.core.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.item.ItemRef;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A consumer reports having acted on items it drew from the pool (blocked, investigated, found in its network),
 * which earns their contributors a bonus: the loop that tells contributors their data mattered.
 *
 * @param accountId  the consumer's account (its own, or its pool's), where the report is recorded
 * @param consumerId the participant reporting
 */
public record ReportActedOn(String accountId, String consumerId, String requestKey, List<ItemRef> items) {

    public static final int MAX_ITEMS = 10_000;

    public ReportActedOn {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(consumerId, "consumerId");
        RequestKeys.require(requestKey);
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new InvalidInputException("items", "a report names 1 to " + MAX_ITEMS + " items");
        }
        items = List.copyOf(items);
    }

    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    public String fingerprint() {
        return RequestKeys.fingerprint(consumerId + "\n" + items.stream()
                .map(item -> item.type().label() + "|" + item.value()).collect(Collectors.joining("\n")));
    }
}
