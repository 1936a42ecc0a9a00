package org.reciprocity.core.item;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import org.reciprocity.core.NameBasedUuid;

import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Identifiers of items: the same type and canonical value give the same identifier on every node and in every
 * replay, so the identifier can key tables and cross systems.
 */
public final class ItemIdentity {

    /** The exchange's own namespace; changing it would change every item identifier ever handed out. */
    public static final UUID NAMESPACE = UUID.fromString("6f1d3c2a-8b57-5e0c-9a41-3c1e2d7b9f60");

    // Each identifier is a SHA-1, and one item's is asked for several times as its contribution is decided, stored
    // and replayed, one right after the other: the latest few thousand are kept. A third of a replay's time was
    // spent hashing (profiled).
    private static final Cache<Key, UUID> RECENT = CacheBuilder.newBuilder().maximumSize(16_384).build();

    private ItemIdentity() {
    }

    public static UUID of(ItemType type, String canonicalValue) {
        try {
            return RECENT.get(new Key(type, canonicalValue),
                    () -> NameBasedUuid.of(NAMESPACE, type.label() + ":" + canonicalValue));
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing an item's name does not fail", e.getCause());
        }
    }

    private record Key(ItemType type, String value) {
    }
}
