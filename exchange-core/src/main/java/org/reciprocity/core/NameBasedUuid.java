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

    private static final String SHA1 = "SHA-1";

    private final byte[] namespace;
    // The namespace hashed in once, and this digest copied for each name: looking a digest up by algorithm for every
    // identifier cost a third of a replay's time, and one digest per thread, reached through a thread-local, a sixth
    // (profiled). It is never updated itself, so threads share it. Null under a provider whose digests cannot be
    // copied: each name then takes a digest of its own, slower and as right.
    private final MessageDigest namespaceHashed;

    private NameBasedUuid(byte[] namespace) {
        this.namespace = namespace;
        MessageDigest prepared = fresh();
        this.namespaceHashed = copyOf(prepared) == null ? null : prepared;
    }

    public static NameBasedUuid in(UUID namespace) {
        return new NameBasedUuid(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
    }

    public UUID of(String name) {
        MessageDigest sha1 = namespaceHashed == null ? fresh() : copyOf(namespaceHashed);
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }

    private MessageDigest fresh() {
        try {
            MessageDigest sha1 = MessageDigest.getInstance(SHA1);
            sha1.update(namespace);
            return sha1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-1", e);
        }
    }

    private static MessageDigest copyOf(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }
}
