package org.reciprocity.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark run end to end with tiny sizes, so that it keeps working: every figure counts what was really done
 * (rows in the database, items delivered, objects served, events replayed), never how fast.
 */
class BenchSmokeTest {

    private static final Sizes TINY = new Sizes(3_000, 500, 40, List.of(1, 4), 8, List.of(1, 2));

    private static BenchDatabase database;
    private static BenchReport report;
    private static final List<String> steps = new ArrayList<>();

    @BeforeAll
    static void runTheBenchmark() throws Exception {
        database = BenchDatabase.embedded(false);
        report = Bench.run(TINY, Duration.ZERO, database, Map.of(), steps::add);
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void theLimitCountsTheRowsInserted() {
        assertThat(report.rawInsert().count()).isEqualTo(3_000);
        assertThat(report.rawInsert().elapsedNanos()).isPositive();
    }

    @Test
    void ingestCountsEveryItemStoredAndDrawable() throws Exception {
        assertThat(report.gateway().stored().count()).isEqualTo(1_500);
        assertThat(report.gateway().drawable().count()).isEqualTo(1_500);
        assertThat(report.http().stored().count()).isEqualTo(1_500);
        assertThat(report.http().drawable().count()).isEqualTo(1_500);
        // Drawable is reached after stored, never before.
        assertThat(report.gateway().drawable().elapsedNanos())
                .isGreaterThanOrEqualTo(report.gateway().stored().elapsedNanos());
        // The timed items, the untimed warm-up's (a batch each way) and the stretch with context are all in the pool.
        assertThat(count("select count(*) from catalogue_item where pool_position is not null")).isEqualTo(4_500);
        assertThat(count("select count(*) from catalogue_item where item_value like 'h%.bench.example'"))
                .as("every fifth item is a domain").isEqualTo(900);
        assertThat(report.withContext().drawable().count()).isEqualTo(500);
        // Per item an indicator and a relationship; per batch four malware, their relationships, an attack pattern
        // and a report.
        assertThat(count("select count(*) from context_object")).isEqualTo(500 * 2 + 4 * 2 + 2);
        assertThat(report.heapPeakBytes()).isPositive().isLessThanOrEqualTo(report.heapMaxBytes());
        assertThat(report.heapAfterCollectionBytes()).isLessThanOrEqualTo(report.heapMaxBytes());
        assertThat(report.heapLiveBytes()).isPositive().isLessThanOrEqualTo(report.heapMaxBytes());
    }

    @Test
    void withdrawalsAreTimedOneByOneAndDeliverWhatTheyCount() throws Exception {
        assertThat(report.withdrawals()).containsOnlyKeys(1, 4);
        report.withdrawals().values().forEach(figure -> {
            assertThat(figure.count()).isEqualTo(40);
            assertThat(figure.latencies().p50Nanos()).isPositive()
                    .isLessThanOrEqualTo(figure.latencies().p99Nanos());
            assertThat(figure.latencies().p99Nanos()).isLessThanOrEqualTo(figure.latencies().maxNanos());
        });
        // The busiest load again, spread over a second node on the same database.
        assertThat(report.oneNode()).isSameAs(report.withdrawals().get(4));
        assertThat(report.twoNodes().count()).isEqualTo(40);
        assertThat(report.twoNodes().name()).contains("on 2 nodes");
        // Where the machine tells its processor time, both rounds say what each withdrawal cost it.
        if (Files.isReadable(Path.of("/proc/stat"))) {
            assertThat(report.oneNodeTime()).hasValueSatisfying(time -> assertThat(time.busyNanos()).isPositive());
            assertThat(report.twoNodesTime()).hasValueSatisfying(time -> assertThat(time.busyNanos()).isPositive());
            assertThat(report.costToOne()).isPresent();
        }
        // Every timed withdrawal asked for ten items of a pool that holds them, each charged.
        assertThat(report.itemsWithdrawn()).isEqualTo(120 * 10);
        assertThat(count("select count(*) from delivered_item where consumer_id like 'drawer-%'")).isEqualTo(800);
        assertThat(count("select count(*) from delivered_item where consumer_id like 'two-nodes-%'")).isEqualTo(400);
        // The best ten of the pool, twenty times: charged the first time, free after.
        assertThat(report.byScore().count()).isEqualTo(Bench.SCORE_DRAWS);
        assertThat(report.byScore().name()).contains("by score");
        assertThat(count("select count(*) from delivered_item where consumer_id like 'scorer-%'")).isEqualTo(10);
    }

    @Test
    void taxiiPagesAreFullPagesOfStixObjects() throws Exception {
        assertThat(report.serving()).containsOnlyKeys(1, 2);
        report.serving().values().forEach(figure -> assertThat(figure.count()).isEqualTo(8));
        assertThat(report.objectsServed()).isEqualTo(16 * Serving.PAGE);
        assertThat(count("select count(*) from delivered_item where consumer_id like 'reader-%'"))
                .isEqualTo(16 * Serving.PAGE);
    }

    @Test
    void taxiiPagesWithContextHoldAHundredObjectsOfFewerItems() throws Exception {
        assertThat(report.servingWithContext()).containsOnlyKeys(1, 2);
        report.servingWithContext().values().forEach(figure -> assertThat(figure.count()).isEqualTo(8));
        long items = count("select count(*) from delivered_item where consumer_id like 'context-reader-%'");
        assertThat(items).isPositive();
        assertThat(report.contextObjectsServed()).as("each item with its context")
                .isGreaterThan(3 * items).isLessThanOrEqualTo(16L * Serving.PAGE);
    }

    @Test
    void theReplayAndItsLimitReadEveryEventInTheStore() throws Exception {
        long events = count("select count(*) from domain_event_entry");
        assertThat(report.rawRead().count()).isEqualTo(events);
        assertThat(report.replay().count()).isEqualTo(events);
    }

    @Test
    void eachStepIsToldAsItStarts() {
        assertThat(steps).first().asString().startsWith("raw insert of 3,000 items, after 500 untimed");
        assertThat(steps).last().isEqualTo("done");
        assertThat(steps).anyMatch(step -> step.startsWith("warming up"));
    }

    @Test
    void theTablePrintsEveryFigureAndGoal() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("limit: raw JDBC batched insert", "ingest over HTTP: drawable",
                "withdrawals, 4 concurrent consumers", "TAXII pages of 100, 2 concurrent readers",
                "auditor replay of the whole store", "heap while ingesting");
        report.goals().forEach(goal -> assertThat(table).contains(goal.goal()));
        // A tiny run says so of the goals set at a million items, instead of passing or failing them.
        assertThat(report.goals()).filteredOn(goal -> goal.goal().contains("1,000,000"))
                .allMatch(goal -> goal.met() == null);
    }

    private static long count(String query) throws Exception {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
