package org.reciprocity.portal.store;

/**
 * The appending transactions not yet ended, as far as a reader of the event table must know them. Appends to
 * different accounts run side by side, so a transaction can take a global index, commit after one that took the next
 * index, or roll back and leave its index unused for good. A reader that sees a number missing below one it can read
 * waits until every append that was open when it saw the gap has ended: the number is then either in the table or
 * never will be.
 */
interface OpenAppends {

    /** Called by an appending transaction before it takes its first global index. */
    void beginning();

    /** A note of the appends open now. */
    Mark mark();

    /** Whether every append open at the mark has ended, committed or rolled back. */
    boolean endedSince(Mark mark);

    /** The appends open at one moment, in whatever terms the database gives. */
    record Mark(long value) {
    }
}
