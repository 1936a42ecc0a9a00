package org.reciprocity.portal.support;

import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.ledger.projection.ProjectionStatus;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Waiting for the read side, which follows the event store by a moment. */
public final class Projections {

    private Projections() {
    }

    /** Until every projection has handled every event the store holds now. */
    public static void awaitCaughtUp(ProjectionReplays replays) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                replays.status().stream().allMatch(Projections::caughtUp));
    }

    /** Until the named projection has handled every event the store holds now. */
    public static void awaitCaughtUp(ProjectionReplays replays, String projection) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                caughtUp(replays.status(projection)));
    }

    private static boolean caughtUp(ProjectionStatus status) {
        return status.running() && status.position() >= status.head();
    }
}
