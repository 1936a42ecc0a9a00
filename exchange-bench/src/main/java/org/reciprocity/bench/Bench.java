package org.reciprocity.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exchange measured against what its database can do, on the same machine, in one run (docs/benchmarks.md):
 * the raw insert limit, ingest in process and over HTTP, withdrawals and TAXII pages under concurrent load, the
 * auditor's replay against a raw read, and the heap while a million items go in.
 */
@Command(name = "exchange-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures the exchange against raw JDBC on one PostgreSQL and prints a table of figures.")
public final class Bench implements Callable<Integer> {

    private static final int WARM_UP_CLIENTS = 4;
    private static final int WARM_UP_REQUESTS = 1_000;
    private static final long WARM_UP_ITEMS = 50_000;
    /** The JIT is quiet when it compiled for less than this share of a warm-up round's time. */
    private static final double QUIET_COMPILER = 0.05;
    // Each reads the whole pool: a few show what one costs.
    static final int SCORE_DRAWS = 20;

    @Option(names = "--items", description = "Items in the feed dump, and so in the pool (default: ${DEFAULT-VALUE}).")
    long items = Sizes.GOALS.items();

    @Option(names = "--batch", description = "Items per contribution and per insert batch (default: ${DEFAULT-VALUE}).")
    int batch = Sizes.GOALS.batch();

    @Option(names = "--withdrawals", description = "Withdrawals timed per number of consumers (default: "
            + "${DEFAULT-VALUE}).")
    int withdrawals = Sizes.GOALS.withdrawals();

    @Option(names = "--consumers", split = ",", description = "Numbers of concurrent consumers (default: 1,16,64).")
    List<Integer> consumers = Sizes.GOALS.consumers();

    @Option(names = "--pages", description = "TAXII pages timed per number of readers (default: ${DEFAULT-VALUE}).")
    int pages = Sizes.GOALS.pages();

    @Option(names = "--readers", split = ",", description = "Numbers of concurrent TAXII readers (default: 1,16).")
    List<Integer> readers = Sizes.GOALS.readers();

    @Option(names = "--warm-up", description = "The longest warm-up before timing withdrawals and pages, in seconds "
            + "(default: ${DEFAULT-VALUE}).")
    long warmUpSeconds = 240;

    @Option(names = "--jdbc-url", description = "An empty PostgreSQL database to run on, instead of an embedded one.")
    String jdbcUrl;

    @Option(names = "--user", description = "Its user (default: ${DEFAULT-VALUE}).")
    String user = "postgres";

    @Option(names = "--password", description = "Its password (default: none).")
    String password = "";

    @Option(names = "--statements", description = "Print the database's time per statement after each step "
            + "(embedded database only).")
    boolean statements;

    @Option(names = "--set", description = "An exchange setting to try, as property=value (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    /** Told as each step of a run starts. */
    interface Steps {
        void next(String step) throws Exception;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Sizes sizes = new Sizes(items, batch, withdrawals, consumers, pages, readers);
        if (statements && jdbcUrl != null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--statements needs the embedded "
                    + "database, which the benchmark starts with pg_stat_statements loaded");
        }
        try (BenchDatabase database = jdbcUrl == null ? BenchDatabase.embedded(statements)
                : BenchDatabase.at(jdbcUrl, user, password)) {
            StatementProfile profile = statements ? StatementProfile.on(database) : null;
            String[] previous = {"the start"};
            run(sizes, Duration.ofSeconds(warmUpSeconds), database, settings, step -> {
                if (profile != null) {
                    profile.print(previous[0], System.err);
                }
                System.err.println(step);
                previous[0] = step;
            }).print(System.out);
        }
        return 0;
    }

    /** One run, each step said on {@code progress} as it starts; the database is left as the run made it. */
    static BenchReport run(Sizes sizes, Duration warmUp, BenchDatabase database, Map<String, String> settings,
                           Steps progress) throws Exception {
        String setting = String.format("%s, %d cores, max heap %d MB, %s%s", Instant.now(),
                Runtime.getRuntime().availableProcessors(), HeapPeak.maxBytes() >> 20, database.describe(),
                settings.isEmpty() ? "" : ", " + settings);
        // Untimed first, beyond the timed items, on each path: the limit's and the exchange's code compiled alike.
        long warmItems = Math.min(Math.max(sizes.batch(), sizes.items() / 20), WARM_UP_ITEMS);
        progress.next(String.format("raw insert of %,d items, after %,d untimed", sizes.items(), warmItems));
        Figure rawInsert = RawInsertLimit.measure(database, sizes.items(), warmItems, sizes.batch());
        progress.next("starting the exchange");
        try (RunningExchange exchange = RunningExchange.start(database, settings)) {
            Ingest ingest = new Ingest(exchange);
            progress.next(String.format("warming up: %,d untimed items each way", warmItems));
            ingest.throughGateway("warm-feed-gateway", sizes.items(), sizes.items() + warmItems, sizes.batch());
            ingest.overHttp("warm-feed-http", sizes.items() + warmItems, sizes.items() + 2 * warmItems,
                    sizes.batch());
            long poolSize = sizes.items() + 2 * warmItems;

            long half = sizes.items() / 2;
            Ingest.Result gateway;
            Ingest.Result http;
            long heapPeak;
            long heapAfterCollection;
            try (HeapPeak heap = HeapPeak.watch()) {
                progress.next(String.format("ingest of %,d items through the command gateway", half));
                gateway = ingest.throughGateway("feed-gateway", 0, half, sizes.batch());
                progress.next(String.format("ingest of %,d items over HTTP", sizes.items() - half));
                http = ingest.overHttp("feed-http", half, sizes.items(), sizes.batch());
                heapPeak = heap.peakBytes();
                heapAfterCollection = heap.peakAfterCollectionBytes();
            }
            long heapLive = HeapPeak.liveBytes();
            // A stretch of the pool sent as reports send it, with its context, after all the rest.
            long contextItems = Math.max(sizes.batch(), sizes.items() / 20);
            progress.next(String.format("ingest of %,d items with their context through the command gateway",
                    contextItems));
            Ingest.Result withContext = ingest.withContext("feed-context", poolSize, poolSize + contextItems,
                    sizes.batch());
            analyse(database);

            Withdrawals drawing = new Withdrawals(exchange, poolSize);
            Serving taxii = new Serving(exchange, "pool of " + poolSize, 0, poolSize);
            Serving taxiiWithContext = new Serving(exchange, String.format("%,d items with context", contextItems),
                    poolSize, contextItems);
            warmUp(sizes, database, drawing, taxii, taxiiWithContext, warmUp, progress);
            AtomicLong itemsWithdrawn = new AtomicLong();
            Map<Integer, Figure> withdrawn = new LinkedHashMap<>();
            int busiest = sizes.consumers().stream().mapToInt(Integer::intValue).max().orElseThrow();
            Optional<ProcessorTime> oneNodeTime = Optional.empty();
            for (int level : sizes.consumers()) {
                progress.next(String.format("%,d withdrawals by %d consumers", sizes.withdrawals(), level));
                ProcessorTime.Measured<Figure> round = ProcessorTime.during(() -> drawing.measure("drawer", level,
                        sizes.withdrawals(), itemsWithdrawn));
                withdrawn.put(level, round.result());
                if (level == busiest) {
                    oneNodeTime = round.time();
                }
            }

            // The same busiest load again, its consumers spread over two nodes on the one database: without a lock
            // common to all appends, the second node's decisions go on beside the first's.
            Figure oneNode = withdrawn.get(busiest);
            ProcessorTime.Measured<Figure> twoNodes;
            progress.next(String.format("%,d withdrawals by %d consumers on two nodes", sizes.withdrawals(),
                    busiest));
            Map<String, String> secondNode = new LinkedHashMap<>(settings);
            secondNode.put("exchange.node-id", "bench-node-2");
            try (RunningExchange second = RunningExchange.start(database, secondNode)) {
                twoNodes = ProcessorTime.during(() -> new Withdrawals(List.of(exchange, second), poolSize)
                        .measure("two-nodes", busiest, sizes.withdrawals(), itemsWithdrawn));
            }

            // A draw by score reads and scores every item it may be offered: a few, one consumer, at the pool's size.
            progress.next(String.format("%d withdrawals by score of the whole pool", SCORE_DRAWS));
            Figure byScore = new Withdrawals(List.of(exchange), poolSize, true).measure("scorer", 1, SCORE_DRAWS,
                    new AtomicLong());

            AtomicLong objectsServed = new AtomicLong();
            Map<Integer, Figure> served = new LinkedHashMap<>();
            for (int level : sizes.readers()) {
                progress.next(String.format("%,d TAXII pages by %d readers", sizes.pages(), level));
                served.put(level, taxii.measure("reader", level, sizes.pages(), objectsServed));
            }
            AtomicLong contextObjectsServed = new AtomicLong();
            Map<Integer, Figure> servedWithContext = new LinkedHashMap<>();
            for (int level : sizes.readers()) {
                progress.next(String.format("%,d TAXII pages with context by %d readers", sizes.pages(), level));
                servedWithContext.put(level, taxiiWithContext.measure("context-reader", level, sizes.pages(),
                        contextObjectsServed));
            }

            exchange.awaitProjections();
            // Each twice, the second timed: both then run compiled, on rows in the database's cache.
            progress.next("raw read of the event store, twice");
            ReplayRate.rawReadAndParse(database);
            Figure rawRead = ReplayRate.rawReadAndParse(database);
            progress.next("auditor replay of the event store, twice");
            ReplayRate.replay(exchange.replays());
            Figure replay = ReplayRate.replay(exchange.replays());
            progress.next("done");
            return new BenchReport(sizes, setting, rawInsert, gateway, http, heapPeak, heapAfterCollection,
                    heapLive, HeapPeak.maxBytes(), withdrawn, oneNode, twoNodes.result(), oneNodeTime,
                    twoNodes.time(), byScore, itemsWithdrawn.get(), served, objectsServed.get(), withContext,
                    servedWithContext, contextObjectsServed.get(), rawRead, replay);
        }
    }

    /**
     * What a server that has run for a while has and a fresh one lacks: compiled code for its request paths. Untimed
     * rounds of withdrawals and TAXII pages until the JIT compiler is quiet (it spends the first minutes of a run
     * compiling, on the cores the requests need) or the warm-up time is up; then ANALYZE again, for the tables the
     * rounds filled.
     */
    private static void warmUp(Sizes sizes, BenchDatabase database, Withdrawals drawing, Serving taxii,
                               Serving taxiiWithContext, Duration limit, Steps progress) throws Exception {
        progress.next("warming up: untimed withdrawals and TAXII pages until the JIT compiler is quiet, at most "
                + limit.toSeconds() + " s");
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        AtomicLong ignored = new AtomicLong();
        long deadline = System.nanoTime() + limit.toNanos();
        int round = 0;
        boolean quiet = false;
        while (!quiet) {
            long compiling = compiler.getTotalCompilationTime();
            long started = System.nanoTime();
            drawing.measure("warm-drawer-" + round, WARM_UP_CLIENTS, Math.min(sizes.withdrawals(), WARM_UP_REQUESTS),
                    ignored);
            taxii.measure("warm-reader-" + round, WARM_UP_CLIENTS, Math.min(sizes.pages(), WARM_UP_REQUESTS / 4),
                    ignored);
            taxiiWithContext.measure("warm-context-reader-" + round, WARM_UP_CLIENTS, Math.min(sizes.pages(),
                    WARM_UP_REQUESTS / 4), ignored);
            long roundMillis = (System.nanoTime() - started) / 1_000_000;
            quiet = compiler.getTotalCompilationTime() - compiling < roundMillis * QUIET_COMPILER
                    || System.nanoTime() > deadline;
            round++;
        }
        analyse(database);
    }

    /**
     * ANALYZE, as after any bulk load: until the statistics know the registries' tables are large, PostgreSQL plans
     * their lookups for the empty tables they were a minute before.
     */
    private static void analyse(BenchDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("analyze");
        }
    }
}
