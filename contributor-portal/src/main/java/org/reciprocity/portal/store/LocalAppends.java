package org.reciprocity.portal.store;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open appends of an embedded database (H2), which only this process can write: they are counted in memory.
 * Each append is numbered as it begins and struck off when its transaction ends, whichever way.
 * <p>
 * The count is the process's, not one exchange's: two exchanges started in one process (as tests do) can share an
 * in-memory database, and a reader must not pass a number the other one is still committing. Waiting also for
 * appends to another database costs a reader at a gap a few milliseconds at most.
 */
final class LocalAppends implements OpenAppends {

    private static final AtomicLong begun = new AtomicLong();
    private static final ConcurrentSkipListSet<Long> open = new ConcurrentSkipListSet<>();

    @Override
    public void beginning() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("events are appended in a transaction");
        }
        long append = begun.incrementAndGet();
        open.add(append);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                open.remove(append);
            }
        });
    }

    @Override
    public Mark mark() {
        return new Mark(begun.get());
    }

    @Override
    public boolean endedSince(Mark mark) {
        Long oldest = open.isEmpty() ? null : open.first();
        return oldest == null || oldest > mark.value();
    }
}
