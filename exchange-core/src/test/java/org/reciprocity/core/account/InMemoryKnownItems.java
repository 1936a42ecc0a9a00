package org.reciprocity.core.account;

import org.reciprocity.core.contribution.KnownItems;
import org.reciprocity.core.item.Item;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The pool of a test: the items a test says earlier contributions brought. */
class InMemoryKnownItems implements KnownItems {

    private final Set<UUID> known = new HashSet<>();

    void add(Item... items) {
        for (Item item : items) {
            known.add(item.id());
        }
    }

    @Override
    public Set<UUID> knownAmong(Collection<UUID> itemIds) {
        return itemIds.stream().filter(known::contains).collect(Collectors.toSet());
    }
}
