package org.reciprocity.core.item;

import org.reciprocity.core.NameBasedUuid;

import java.util.UUID;

/**
 * Identifiers of items: the same type and canonical value give the same identifier on every node and in every
 * replay, so the identifier can key tables and cross systems.
 */
public final class ItemIdentity {

    /** The exchange's own namespace; changing it would change every item identifier ever handed out. */
    public static final UUID NAMESPACE = UUID.fromString("6f1d3c2a-8b57-5e0c-9a41-3c1e2d7b9f60");

    private static final NameBasedUuid IDENTIFIERS = NameBasedUuid.in(NAMESPACE);

    // Each identifier is a SHA-1, and one item's is asked for several times as its contribution or delivery is
    // decided, stored and replayed, one right after the other: the latest are kept in a slot chosen by the name's
    // hash, a later name taking over the slot of an earlier one. Hashing was a third of a replay's time, and an LRU
    // cache's bookkeeping cost as much again (profiled). Slots are shared between threads without locks: each holds
    // an immutable record, so a thread sees a slot's old name or its new one, complete.
    private static final int SLOTS = 1 << 14;
    private static final Known[] RECENT = new Known[SLOTS];

    private ItemIdentity() {
    }

    public static UUID of(ItemType type, String canonicalValue) {
        int hash = 31 * type.ordinal() + canonicalValue.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        Known known = RECENT[slot];
        if (known != null && known.type == type && known.value.equals(canonicalValue)) {
            return known.id;
        }
        UUID id = IDENTIFIERS.of(type.label() + ":" + canonicalValue);
        RECENT[slot] = new Known(type, canonicalValue, id);
        return id;
    }

    private record Known(ItemType type, String value, UUID id) {
    }
}
