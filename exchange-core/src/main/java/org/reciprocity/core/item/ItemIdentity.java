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

    private ItemIdentity() {
    }

    public static UUID of(ItemType type, String canonicalValue) {
        return NameBasedUuid.of(NAMESPACE, type.label() + ":" + canonicalValue);
    }
}
