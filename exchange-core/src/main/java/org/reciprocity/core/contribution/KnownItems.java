package org.reciprocity.core.contribution;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** The items already in the pool: what decides whether a contributed item is new. */
public interface KnownItems {

    /** Those of the given item identifiers that some earlier contribution carried. */
    Set<UUID> knownAmong(Collection<UUID> itemIds);
}
