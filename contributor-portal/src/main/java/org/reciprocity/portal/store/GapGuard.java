package org.reciprocity.portal.store;

/**
 * Lets one reader take events strictly in global-index order, every number once, without a lock on the appends. A
 * number missing before one that can be read belongs to an append still running, or to one that rolled back: the
 * guard notes the appends open when it first sees the gap, and only once they have all ended, and the number is still
 * missing from a read made after that, does it let the reader pass it. Until then the reader waits at the gap; it is
 * the time an append takes to commit.
 */
final class GapGuard {

    private final OpenAppends appends;
    private long gap = -1;
    private OpenAppends.Mark mark;
    private boolean settled;

    GapGuard(OpenAppends appends) {
        this.appends = appends;
    }

    /**
     * How many of the events read may be taken now, in order.
     *
     * @param after   the index of the last event taken
     * @param indices the indices read after it, in increasing order
     */
    int takeable(long after, long[] indices) {
        long expected = after + 1;
        if (gap != -1 && gap < expected) {
            gap = -1;
            settled = false;
        }
        int taken = 0;
        while (taken < indices.length) {
            if (indices[taken] == expected) {
                if (expected == gap) {
                    gap = -1;
                    settled = false;
                }
                expected++;
                taken++;
            } else if (gap == expected && settled) {
                // Every append that could have held these numbers had ended before this read, which lacks them.
                expected = indices[taken];
                gap = -1;
                settled = false;
            } else if (gap == expected) {
                // Read again before passing: an append may have committed between the last read and now.
                settled = appends.endedSince(mark);
                return taken;
            } else {
                gap = expected;
                mark = appends.mark();
                settled = false;
                return taken;
            }
        }
        return taken;
    }

    /** Whether the reader is waiting at a gap. */
    boolean waiting() {
        return gap != -1;
    }

    /** Whether the reader is waiting at a gap that the next read will settle: it need not wait to read again. */
    boolean readAgainAtOnce() {
        return settled;
    }
}
