package org.reciprocity.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of one run, the goals assessed against them, and the table printed from them.
 *
 * @param withdrawals by number of concurrent consumers
 * @param oneNode     the busiest of them, on one node
 * @param twoNodes    as many consumers spread over two nodes on the same database
 * @param oneNodeTime the machine's processor time while one node served the busiest withdrawals; none off Linux
 * @param twoNodesTime the same while two nodes did
 * @param byScore     withdrawals of the best items of the whole pool, by one consumer
 * @param serving     by number of concurrent readers, of the pool's bare items
 * @param withContext the stretch of the pool contributed with its context
 * @param servingWithContext by number of concurrent readers, of that stretch
 * @param heapPeakBytes           the most heap in use while the items were ingested
 * @param heapAfterCollectionBytes the most heap still in use right after a collection while they were
 * @param heapLiveBytes            the heap still reachable after a full collection once they were in
 */
record BenchReport(Sizes sizes, String setting, Figure rawInsert, Ingest.Result gateway, Ingest.Result http,
                   long heapPeakBytes, long heapAfterCollectionBytes, long heapLiveBytes,
                   long heapMaxBytes, Map<Integer, Figure> withdrawals, Figure oneNode, Figure twoNodes,
                   Optional<ProcessorTime> oneNodeTime, Optional<ProcessorTime> twoNodesTime, Figure byScore,
                   long itemsWithdrawn, Map<Integer, Figure> serving, long objectsServed,
                   Ingest.Result withContext, Map<Integer, Figure> servingWithContext, long contextObjectsServed,
                   Figure rawRead, Figure replay) {

    private static final long MEGABYTE = 1L << 20;
    private static final long GOAL_ITEMS = 1_000_000;

    List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        double gatewayShare = gateway.drawable().ratioTo(rawInsert);
        double httpShare = http.drawable().ratioTo(rawInsert);
        goals.add(new Goal("ingest >= 50% of the raw insert rate", String.format(Locale.ROOT,
                "gateway %.0f%%, HTTP %.0f%%", 100 * gatewayShare, 100 * httpShare),
                Math.min(gatewayShare, httpShare) >= 0.5));
        long ingested = gateway.drawable().count() + http.drawable().count();
        goals.add(new Goal("1,000,000 items ingested with -Xmx512m", String.format(Locale.ROOT,
                "%,d drawable, -Xmx%,dm", ingested, heapMaxBytes / MEGABYTE), sizes.items() < GOAL_ITEMS ? null
                : ingested == sizes.items() && heapMaxBytes <= 512 * MEGABYTE));
        Figure busiest = withdrawals.get(64);
        goals.add(new Goal("withdrawal p99 <= 25 ms at 64 consumers", busiest == null ? "not run at 64"
                : millis(busiest.latencies().p99Nanos()) + " ms" + share(busiest.latencies().p99Nanos(), 25_000_000L),
                busiest == null ? null : busiest.latencies().p99Nanos() <= 25_000_000L));
        double twoToOne = twoNodes.ratioTo(oneNode);
        goals.add(new Goal("two nodes decide more per second than one", String.format(Locale.ROOT,
                "%.0f%% of one node's withdrawals/s", 100 * twoToOne) + costToOne().map(cost -> String.format(
                Locale.ROOT, ", each at %.0f%% of its CPU (machine)", 100 * cost)).orElse(""), twoToOne > 1));
        long worstPage = serving.values().stream().mapToLong(page -> page.latencies().p99Nanos()).max().orElseThrow();
        goals.add(new Goal("TAXII page p99 <= 50 ms at 1,000,000 items", millis(worstPage) + " ms at "
                + String.format(Locale.ROOT, "%,d", sizes.items()) + " items" + share(worstPage, 50_000_000L),
                sizes.items() < GOAL_ITEMS ? null : worstPage <= 50_000_000L));
        goals.add(new Goal("replay >= 100,000 events/s", String.format(Locale.ROOT, "%,.0f events/s",
                replay.perSecond()) + share(replay.perSecond(), 100_000), replay.perSecond() >= 100_000));
        goals.add(new Goal("replay >= 50% of raw read + parse", String.format(Locale.ROOT, "%.0f%%",
                100 * replay.ratioTo(rawRead)), replay.ratioTo(rawRead) >= 0.5));
        return goals;
    }

    /**
     * What a withdrawal cost the whole machine (nodes, database, clients) on two nodes, as a share of its cost on one.
     * Over 1, the second node's own work (its processors following the store, its polls) eats into what a core of
     * its own would add; at or under it, it adds no such work, though the database and the clients are counted too.
     */
    Optional<Double> costToOne() {
        return oneNodeTime.flatMap(one -> twoNodesTime.map(two -> two.millisEach(twoNodes.count())
                / one.millisEach(oneNode.count())));
    }

    void print(PrintStream out) {
        out.println();
        out.println("Reciprocity Exchange benchmark: " + setting);
        out.printf(Locale.ROOT, "%-66s %12s %-11s %9s %11s %8s %8s %8s%n", "figure", "count", "", "seconds",
                "per second", "p50 ms", "p99 ms", "vs limit");
        row(out, rawInsert, null);
        for (Ingest.Result ingest : List.of(gateway, http)) {
            row(out, ingest.stored(), rawInsert);
            row(out, ingest.drawable(), rawInsert);
        }
        out.printf(Locale.ROOT, "%-66s %,12d MB in use at most; %,d MB after a collection at most; %,d MB live after "
                + "(-Xmx%,dm)%n", "heap while ingesting", heapPeakBytes / MEGABYTE,
                heapAfterCollectionBytes / MEGABYTE, heapLiveBytes / MEGABYTE, heapMaxBytes / MEGABYTE);
        withdrawals.values().forEach(figure -> row(out, figure, null));
        row(out, twoNodes, oneNode);
        if (oneNodeTime.isPresent() && twoNodesTime.isPresent()) {
            out.printf(Locale.ROOT, "%-66s one node %.1f CPU ms (cores %.0f%% idle), two nodes %.1f CPU ms "
                    + "(%.0f%% idle)%n",
                    "machine's processor time per withdrawal, busiest load", oneNodeTime.get().millisEach(
                    oneNode.count()), 100 * oneNodeTime.get().idleShare(), twoNodesTime.get().millisEach(
                    twoNodes.count()), 100 * twoNodesTime.get().idleShare());
        }
        row(out, byScore, null);
        serving.values().forEach(figure -> row(out, figure, null));
        row(out, withContext.stored(), rawInsert);
        row(out, withContext.drawable(), rawInsert);
        servingWithContext.values().forEach(figure -> row(out, figure, null));
        row(out, rawRead, null);
        row(out, replay, rawRead);
        out.println();
        out.printf(Locale.ROOT, "%-46s %-68s %s%n", "goal", "measured", "");
        for (Goal goal : goals()) {
            out.printf(Locale.ROOT, "%-46s %-68s %s%n", goal.goal(), goal.measured(), goal.verdict());
        }
    }

    private static void row(PrintStream out, Figure figure, Figure limit) {
        out.printf(Locale.ROOT, "%-66s %,12d %-11s %9.1f %,11.0f %8s %8s %8s%n", figure.name(), figure.count(),
                figure.unit(), figure.elapsedNanos() / 1e9, figure.perSecond(),
                figure.latencies() == null ? "" : millis(figure.latencies().p50Nanos()),
                figure.latencies() == null ? "" : millis(figure.latencies().p99Nanos()),
                limit == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * figure.ratioTo(limit)));
    }

    /** The measure as a share of its goal, so that a miss says by how much. */
    private static String share(double measured, double goal) {
        return String.format(Locale.ROOT, " (%.0f%% of the goal)", 100 * measured / goal);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", Rates.millis(nanos));
    }
}
