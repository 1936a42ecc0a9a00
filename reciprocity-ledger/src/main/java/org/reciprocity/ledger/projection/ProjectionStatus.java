package org.reciprocity.ledger.projection;

/**
 * How far a projection is.
 *
 * @param position  the lowest position its segments have reached; -1 before any
 * @param head      the position of the newest event in the store; -1 when it is empty
 * @param running   whether this node runs the projection's processor
 * @param replaying whether it is rebuilding from the start after a reset
 * @param caughtUp  whether every segment has reached the head of the stream
 */
public record ProjectionStatus(String name, long position, long head, boolean running, boolean replaying,
                               boolean caughtUp) {
}
