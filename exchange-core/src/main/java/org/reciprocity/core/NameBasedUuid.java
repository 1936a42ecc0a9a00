package org.reciprocity.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Version 5 (SHA-1, name-based) UUIDs of RFC 9562 in one namespace: the same namespace and name always give the same
 * identifier.
 */
public final class NameBasedUuid {

    // The namespace hashed in once, and this digest copied for each name: looking a digest up by algorithm for every
    // identifier cost a third of a replay's time, and one digest per thread, reached through a thread-local, a sixth
    // (profiled). It is never updated itself, so threads share it.
    private final MessageDigest namespaceHashed;

    private NameBasedUuid(MessageDigest namespaceHashed) {
        this.namespaceHashed = namespaceHashed;
    }

    public static NameBasedUuid in(UUID namespace) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits())
                    .array());
            return new NameBasedUuid(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-1", e);
        }
    }

    public UUID of(String name) {
        byte[] hash = copy().digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }

    private MessageDigest copy() {
        try {
            return (MessageDigest) namespaceHashed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the runtime's SHA-1 digest can be copied", e);
        }
    }
}
