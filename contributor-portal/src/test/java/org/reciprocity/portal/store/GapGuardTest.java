package org.reciprocity.portal.store;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class GapGuardTest {

    /** Appends open or not, as a test says; each mark is counted. */
    private static final class Appends implements OpenAppends {
        final AtomicBoolean open = new AtomicBoolean(true);
        final AtomicInteger marks = new AtomicInteger();

        @Override
        public void beginning() {
        }

        @Override
        public Mark mark() {
            return new Mark(marks.incrementAndGet());
        }

        @Override
        public boolean endedSince(Mark mark) {
            return !open.get();
        }
    }

    private final Appends appends = new Appends();
    private final GapGuard guard = new GapGuard(appends);

    @Test
    void eventsWithoutAGapAreAllTaken() {
        assertThat(guard.takeable(4, new long[] {5, 6, 7})).isEqualTo(3);
        assertThat(guard.waiting()).isFalse();
    }

    @Test
    void theEventsBeforeAGapAreTakenAndTheReaderWaitsThere() {
        assertThat(guard.takeable(4, new long[] {5, 7, 8})).isEqualTo(1);
        assertThat(guard.waiting()).isTrue();
        assertThat(appends.marks).hasValue(1);
        assertThat(guard.takeable(5, new long[] {7, 8})).as("the append is still open").isZero();
    }

    @Test
    void aGapThatFillsIsTakenInOrder() {
        guard.takeable(4, new long[] {6});
        assertThat(guard.takeable(4, new long[] {5, 6})).isEqualTo(2);
        assertThat(guard.waiting()).isFalse();
    }

    @Test
    void aGapIsPassedOnlyOnAReadAfterEveryAppendOpenAtItHasEnded() {
        assertThat(guard.takeable(4, new long[] {6, 7})).isZero();
        appends.open.set(false);
        assertThat(guard.takeable(4, new long[] {6, 7})).as("the read that learns the appends ended came before it")
                .isZero();
        assertThat(guard.readAgainAtOnce()).isTrue();
        assertThat(guard.takeable(4, new long[] {6, 7})).as("read after they ended: the number will never come")
                .isEqualTo(2);
        assertThat(guard.waiting()).isFalse();
    }

    @Test
    void anAppendCommittingJustAfterItsEndWasLearntIsStillTakenInOrder() {
        guard.takeable(4, new long[] {6});
        appends.open.set(false);
        guard.takeable(4, new long[] {6});
        assertThat(guard.takeable(4, new long[] {5, 6})).isEqualTo(2);
    }

    @Test
    void eachGapIsMarkedAfresh() {
        guard.takeable(4, new long[] {6, 8});
        appends.open.set(false);
        guard.takeable(4, new long[] {6, 8});
        assertThat(guard.takeable(4, new long[] {6, 8})).as("past the first gap, up to the second").isEqualTo(1);
        assertThat(appends.marks).as("the second gap is marked when it is met").hasValue(2);
        appends.open.set(true);
        assertThat(guard.takeable(6, new long[] {8})).as("appends open again when the second gap was marked")
                .isZero();
    }
}
