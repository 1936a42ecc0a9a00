package org.reciprocity.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The machine's processor time counts at least the work that ran meanwhile, and says how idle the cores were. */
class ProcessorTimeTest {

    @Test
    void halfASecondOfSpinningIsCountedAsAtLeastThat() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "the machine's processor time is read from Linux's "
                + "/proc/stat, which this machine has not");
        long spinNanos = TimeUnit.MILLISECONDS.toNanos(500);

        ProcessorTime.Measured<Long> measured = ProcessorTime.during(() -> {
            long until = System.nanoTime() + spinNanos;
            long turns = 0;
            while (System.nanoTime() < until) {
                turns++;
            }
            return turns;
        });

        assertThat(measured.result()).isPositive();
        ProcessorTime time = measured.time().orElseThrow();
        // Counted in ticks of 10 ms: one may be lost at either end, and one more to sampling.
        assertThat(time.busyNanos()).isGreaterThanOrEqualTo(spinNanos - TimeUnit.MILLISECONDS.toNanos(30));
        assertThat(time.idleShare()).isBetween(0.0, 1.0);
        assertThat(time.millisEach(1)).isEqualTo(time.busyNanos() / 1e6);
    }
}
