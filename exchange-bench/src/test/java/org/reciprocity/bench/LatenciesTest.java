package org.reciprocity.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverTheSortedTimings() {
        // 1..100 ms, shuffled: the median is the 50th value, the 99th percentile the 99th.
        long[] nanos = LongStream.rangeClosed(1, 100).map(ms -> ((ms * 37) % 100 + 1) * 1_000_000).toArray();
        Latencies latencies = Latencies.of(nanos, 2_000_000_000L);
        assertThat(latencies.p50Nanos()).isEqualTo(50_000_000L);
        assertThat(latencies.p99Nanos()).isEqualTo(99_000_000L);
        assertThat(latencies.maxNanos()).isEqualTo(100_000_000L);
        assertThat(latencies.perSecond()).isEqualTo(50.0);
    }

    @Test
    void aSingleTimingIsEveryPercentile() {
        Latencies latencies = Latencies.of(new long[] {7}, 7);
        assertThat(latencies.p50Nanos()).isEqualTo(7);
        assertThat(latencies.p99Nanos()).isEqualTo(7);
    }

    @Test
    void theP99OfAHundredIsTheSecondSlowest() {
        long[] nanos = new long[100];
        java.util.Arrays.fill(nanos, 10);
        nanos[3] = 1_000;
        nanos[70] = 2_000;
        Latencies latencies = Latencies.of(nanos, 1_000);
        assertThat(latencies.p99Nanos()).isEqualTo(1_000);
        assertThat(latencies.p50Nanos()).isEqualTo(10);
    }

    @Test
    void nothingTimedIsAnError() {
        assertThatThrownBy(() -> Latencies.of(new long[0], 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
