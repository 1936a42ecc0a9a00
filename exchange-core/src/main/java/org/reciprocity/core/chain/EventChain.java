package org.reciprocity.core.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over the event store. Each event's link is SHA-256 over the link before it and the whole of the
 * event's row, every column in a fixed order, each with its length: changing, removing, inserting or moving a row
 * changes the link of that position, and a link cannot be made to match without rewriting every link after it,
 * which the signed checkpoints then give away.
 */
public final class EventChain {

    /** The link "before" the first event. */
    public static final String GENESIS = "0".repeat(64);

    private EventChain() {
    }

    public static String link(String previousLink, EventRow row) {
        MessageDigest sha256 = sha256();
        sha256.update(HexFormat.of().parseHex(previousLink));
        sha256.update(canonical(row));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static byte[] canonical(EventRow row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(row.payload().length + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(row.position());
            text(out, row.eventIdentifier());
            text(out, row.aggregateIdentifier());
            out.writeLong(row.sequenceNumber());
            text(out, row.type());
            text(out, row.timeStamp());
            text(out, row.payloadType());
            text(out, row.payloadRevision());
            binary(out, row.payload());
            binary(out, row.metaData());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        binary(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    // The length first, -1 for none: so that no two different rows read as the same bytes.
    private static void binary(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
