package org.reciprocity.ledger.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.reciprocity.core.InvalidInputException;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.List;

/**
 * Rebuilding the read side from the event store: the ledger and the catalogue are reset and replay every event, so
 * what they hold is shown to follow from the events alone. Replays run in the processor's own threads; progress is
 * read with {@link #status}.
 */
@Service
public class ProjectionReplays {

    /** The processing group of balances and statements. */
    public static final String LEDGER = "ledger";
    /** The processing group of the shared catalogue. */
    public static final String CATALOGUE = "catalogue";
    /** The processing group of the point-of-contact directory. */
    public static final String CONTACTS = "contacts";
    /** The projections that can be rebuilt, by processing group. */
    public static final List<String> PROJECTIONS = List.of(LEDGER, CATALOGUE, CONTACTS);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProjectionReplays(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** Whether this process runs the projection's processor (the audit command line does not). */
    public boolean runsHere(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).isPresent();
    }

    public List<ProjectionStatus> status() {
        return PROJECTIONS.stream().map(this::status).toList();
    }

    public ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = segments.stream()
                .mapToLong(segment -> position(segment.getTrackingToken()))
                .min().orElse(-1);
        // A segment stays "replaying" after its replay ends until it handles a newer event; caught up, it is done.
        boolean replaying = segments.stream().anyMatch(segment -> segment.isReplaying() && !segment.isCaughtUp());
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        return new ProjectionStatus(name, position, position(eventStore.createHeadToken()), processor.isRunning(),
                replaying, caughtUp);
    }

    /**
     * Resets a projection to the start of the event stream and lets it replay. Every node's processor for it must be
     * stopped first: Axon refuses to reset tokens that another node has claimed.
     */
    public void replay(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            // Reset or not, the projection goes on: a refused reset must not leave this node's copy stopped.
            processor.start();
        }
    }

    private StreamingEventProcessor processor(String name) {
        if (!PROJECTIONS.contains(name)) {
            throw new InvalidInputException("projection", "'" + name + "' is not a projection: use one of "
                    + String.join(", ", PROJECTIONS));
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor runs projection " + name));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
