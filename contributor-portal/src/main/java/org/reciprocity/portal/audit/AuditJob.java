package org.reciprocity.portal.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * A long audit task (a replay, a verification, a report) as it runs in the background: its progress through the
 * history, then its result or what went wrong.
 */
final class AuditJob {

    enum State { QUEUED, RUNNING, DONE, FAILED }

    private final UUID id = UUID.randomUUID();
    private final String kind;
    private final Instant queuedAt;
    private volatile State state = State.QUEUED;
    private volatile long position = -1;
    private volatile long lastPosition = -1;
    private volatile Instant startedAt;
    private volatile long startedNanos;
    private volatile Instant finishedAt;
    private volatile long millis;
    private volatile Object result;
    private volatile String error;

    AuditJob(String kind, Instant queuedAt) {
        this.kind = kind;
        this.queuedAt = queuedAt;
    }

    UUID id() {
        return id;
    }

    String kind() {
        return kind;
    }

    Object result() {
        return result;
    }

    boolean isFinished() {
        return state == State.DONE || state == State.FAILED;
    }

    void started(Instant at) {
        startedAt = at;
        startedNanos = System.nanoTime();
        state = State.RUNNING;
    }

    void reached(long position, long lastPosition) {
        this.position = position;
        this.lastPosition = lastPosition;
    }

    void done(Object result, Instant at) {
        this.result = result;
        finish(State.DONE, at);
    }

    void failed(String error, Instant at) {
        this.error = error;
        finish(State.FAILED, at);
    }

    private void finish(State outcome, Instant at) {
        millis = (System.nanoTime() - startedNanos) / 1_000_000;
        finishedAt = at;
        state = outcome;
    }

    /** The job as the API shows it. */
    View view() {
        return view(true);
    }

    /** @param withResult false for the job as a list shows it: a result can be large */
    View view(boolean withResult) {
        long elapsed = state == State.RUNNING ? (System.nanoTime() - startedNanos) / 1_000_000 : millis;
        Integer percent = lastPosition > 0 ? (int) Math.min(100, Math.max(0, position) * 100 / lastPosition) : null;
        Long rate = elapsed > 0 && position > 0 ? position * 1000 / elapsed : null;
        return new View(id, kind, state, position, lastPosition, percent, rate, queuedAt, startedAt, finishedAt,
                state == State.QUEUED ? null : elapsed, withResult ? result : null, error);
    }

    /**
     * The job as the API shows it.
     *
     * @param percent           how far through the history the current step is
     * @param positionsPerSecond how fast it moves through the history
     */
    record View(UUID id, String kind, State state, long position, long lastPosition, Integer percent,
                Long positionsPerSecond, Instant queuedAt, Instant startedAt, Instant finishedAt, Long millis,
                Object result, String error) {
    }
}
