package org.reciprocity.portal.store;

import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.reciprocity.core.chain.EventRow;
import org.reciprocity.core.chain.EventRows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The events as Axon Server keeps them, read through its connector: every field it stores of an event, the payload
 * and metadata as the bytes it holds. Positions are Axon Server's tokens, which it gives out in the order it commits,
 * with no gaps.
 */
final class AxonServerEventRows implements EventRows {

    private static final long WAIT_SECONDS = 30;

    private final AxonServerConnectionManager connections;

    AxonServerEventRows(AxonServerConnectionManager connections) {
        this.connections = connections;
    }

    @Override
    public List<EventRow> page(long after, long through, int rows) {
        long last = Math.min(through, lastPosition());
        List<EventRow> page = new ArrayList<>();
        if (last <= after) {
            return page;
        }
        long bytes = 0;
        // The connector's stream starts after the token it is given, as Axon's own event store asks it: at token 0
        // for -1, the position before the first event.
        try (EventStream stream = channel().openStream(Math.max(after, firstPosition() - 1), Math.min(rows, 256))) {
            while (page.size() < rows) {
                EventWithToken next = stream.nextIfAvailable(WAIT_SECONDS, TimeUnit.SECONDS);
                if (next == null) {
                    long before = page.isEmpty() ? after : page.get(page.size() - 1).position();
                    throw new IllegalStateException(stream.getError().map(error -> "Axon Server's event stream "
                            + "failed after position " + before + ": " + error.getMessage()).orElse("Axon Server did "
                            + "not hand out the event after position " + before + " within " + WAIT_SECONDS
                            + " s, though its last position is " + last));
                }
                EventRow row = row(next);
                bytes += row.payload().length + row.metaData().length;
                if (row.position() > last || (!page.isEmpty() && bytes > EventRow.PAGE_BYTES)) {
                    break;
                }
                page.add(row);
                if (row.position() == last) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Axon Server's events", e);
        }
        return page;
    }

    @Override
    public long lastPosition() {
        try {
            return channel().getLastToken().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Axon Server for its last position", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Axon Server did not say its last position", e);
        }
    }

    /** Axon Server's tokens start at zero. */
    @Override
    public long firstPosition() {
        return 0;
    }

    private EventChannel channel() {
        return connections.getConnection().eventChannel();
    }

    static EventRow row(EventWithToken stored) {
        Event event = stored.getEvent();
        String revision = event.getPayload().getRevision();
        return new EventRow(stored.getToken(), event.getMessageIdentifier(), event.getAggregateIdentifier(),
                event.getAggregateSequenceNumber(), event.getAggregateType(), Long.toString(event.getTimestamp()),
                event.getPayload().getType(), revision.isEmpty() ? null : revision,
                event.getPayload().getData().toByteArray(), metaData(event.getMetaDataMap()));
    }

    // The metadata in the order of its keys, each key and value with its length: the wire's map has no fixed order.
    private static byte[] metaData(Map<String, MetaDataValue> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Map.Entry<String, MetaDataValue> entry : new TreeMap<>(entries).entrySet()) {
                byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] value = entry.getValue().toByteArray();
                out.writeInt(key.length);
                out.write(key);
                out.writeInt(value.length);
                out.write(value);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }
}
