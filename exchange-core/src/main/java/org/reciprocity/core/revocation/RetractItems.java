package org.reciprocity.core.revocation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.item.ItemRef;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A contributor takes back items its account contributed by mistake: the credit they earned is reversed, and an item
 * no other account vouches for leaves the pool, revoked for those who drew it and their charge refunded.
 *
 * @param accountId the account that contributed the items (the contributor's own, or its pool's)
 * @param reason    why, in the contributor's words: what the consumers and the auditors read
 */
public record RetractItems(String accountId, String contributorId, String requestKey, List<ItemRef> items,
                           String reason) {

    public static final int MAX_ITEMS = 10_000;
    public static final int MAX_REASON = 500;

    public RetractItems {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(contributorId, "contributorId");
        RequestKeys.require(requestKey);
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new InvalidInputException("items", "a retraction names 1 to " + MAX_ITEMS + " items");
        }
        items = List.copyOf(items);
        reason = reason == null ? "" : reason.strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "a retraction says why, in 1 to " + MAX_REASON
                    + " characters");
        }
    }

    @TargetAggregateIdentifier
    public String accountStream() {
        return EventStreams.account(accountId);
    }

    public String fingerprint() {
        return RequestKeys.fingerprint(contributorId + "\n" + reason + "\n" + items.stream()
                .map(item -> item.type().label() + "|" + item.value()).collect(Collectors.joining("\n")));
    }
}
