package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.support.ClientTraffic;
import org.reciprocity.portal.support.ClientTraffic.Request;
import org.reciprocity.portal.support.ClientTraffic.Sent;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.ExchangeProcess;
import org.reciprocity.portal.support.ExchangeProcesses;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * The promise that matters most when the process dies, kept by the packaged jar on PostgreSQL: clients contribute and
 * draw without pause, the exchange is killed with SIGKILL mid-stream, and started again on the same database. Then
 * every request a client was told succeeded (a 2xx answer received) is stored once and counted once; a retry of it
 * with its Idempotency-Key gets the very answer first given; a request left unanswered was stored once or not at all,
 * and succeeds, once, when retried; and the read side catches up to exactly what a replay of the events computes.
 */
class CrashRestartIT {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-crash-restart-test";
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final BigDecimal GRANTED = new BigDecimal("100000.000");
    private static final int SEED_ITEMS = 300;
    // Mostly small batches, now and then one that takes the exchange a second: the kill lands in either.
    private static final int[] BATCH_SIZES = {1, 10, 100, 1000};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWERS_STORED = "select convert_from(payload, 'UTF8')::jsonb ->> 'accountId', "
            + "convert_from(payload, 'UTF8')::jsonb ->> 'requestKey' from domain_event_entry "
            + "where payload_type similar to '%.(ItemsContributed|ItemsWithdrawn|WithdrawalRefused|CreditGranted)'";

    @RegisterExtension
    final ExchangeProcesses exchanges = new ExchangeProcesses();

    private final Random random = new Random();
    private final String database = TestDatabases.postgres("crash_restart");
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database,
            TestDatabases.postgresUser(), ""));
    private final Map<String, String> environment = ExchangeProcess.onPostgres(database,
            TestDatabases.dataDir("crash-restart"), OPERATOR_KEY);
    private Participant seeder;
    private List<Participant> firms;
    private List<Participant> agencies;
    private Participant auditor;
    private Response seed;

    @Test
    void afterASigkillMidStreamWhatWasAcknowledgedIsThereOnceAndEveryRetryGetsItsFirstAnswer() {
        long began = System.nanoTime();
        ExchangeProcess first = exchanges.start("before-the-kill", environment).awaitReady(STARTUP);
        ExchangeClient before = ExchangeClient.over(first.uri(), () -> OPERATOR_KEY);
        registerAndFund(before);
        ClientTraffic traffic = ClientTraffic.start(before, clients());
        pause(Duration.ofMillis(random.nextInt(4000)));
        traffic.awaitInFlight(3, traffic.clients() - 1, Duration.ofSeconds(60));
        Request abandoned = giveUpOnALargeContribution(first);
        traffic.awaitInFlight(0, traffic.clients() - 1, Duration.ofSeconds(30));
        int inFlightAtTheKill = traffic.inFlight();
        first.kill();
        List<Sent> sent = new ArrayList<>(traffic.awaitStopped(Duration.ofSeconds(30)));
        sent.add(new Sent(abandoned, null));
        List<Sent> answered = sent.stream().filter(request -> request.answer() != null).toList();
        List<Sent> unanswered = sent.stream().filter(request -> request.answer() == null).toList();
        assertThat(answered).as("every answer before the kill is a success")
                .allMatch(request -> request.answer().status() == 201);
        assertThat(unanswered).as("requests the kill left unanswered, besides the abandoned one")
                .hasSizeGreaterThan(1);
        long unansweredYetStored = assertTheStoreAsTheKillLeftIt(answered, unanswered);

        ExchangeProcess second = exchanges.start("after-the-restart", environment).awaitReady(STARTUP);
        ExchangeClient after = ExchangeClient.over(second.uri(), () -> OPERATOR_KEY);
        Map<String, Response> answers = retryEveryRequest(after, sent);
        Map<String, Long> once = new TreeMap<>();
        sent.forEach(request -> once.put(key(request.request()), 1L));
        once.put(key(seeder.id(), "seed"), 1L);
        agencies.forEach(agency -> once.put(key(agency.id(), "grant"), 1L));
        assertThat(storedAnswers()).as("every request stored exactly once, and nothing else").isEqualTo(once);
        assertThat(countByKey(jdbc.query("select account_id, request_key from request_log",
                (rs, i) -> key(rs.getString(1), rs.getString(2))))).as("the request log agrees").isEqualTo(once);

        Map<String, BigDecimal> balances = balancesFromTheReceipts(answers);
        awaitProjectionsCaughtUp(after);
        assertTheLedgerCountsEachRequestOnce(after, balances, once);
        assertEachChargedOnce(answers);
        assertThat(catalogue()).as("the catalogue: every item once, with its corroborations")
                .isEqualTo(catalogueFrom(sent));
        assertAReplayComputesTheSame(after, balances);

        System.out.printf("crash-restart: %d requests answered before the kill (%d contributions, %d withdrawals), "
                        + "%d in flight at the kill, %d unanswered, %d of those stored before the kill; %.1f s%n",
                answered.size(), answered.stream().filter(CrashRestartIT::isContribution).count(),
                answered.stream().filter(request -> !isContribution(request)).count(), inFlightAtTheKill,
                unanswered.size(), unansweredYetStored, (System.nanoTime() - began) / 1e9);
    }

    /** A seeder whose items the others corroborate, firms that contribute, agencies granted credit, an auditor. */
    private void registerAndFund(ExchangeClient exchange) {
        seeder = exchange.register("firm");
        firms = IntStream.range(0, 3).mapToObj(i -> exchange.register("firm")).toList();
        agencies = IntStream.range(0, 2).mapToObj(i -> exchange.register("agency")).toList();
        auditor = exchange.register("auditor");
        seed = exchange.contribute(seeder, "seed", IntStream.range(0, SEED_ITEMS).mapToObj(CrashRestartIT::seedItem)
                .toList());
        assertThat(seed.status()).as(seed.body().toString()).isEqualTo(201);
        for (Participant agency : agencies) {
            assertThat(exchange.post("/api/accounts/" + agency.id() + "/grants", OPERATOR_KEY, "grant",
                    Map.of("amount", GRANTED, "reason", "crash test")).status()).isEqualTo(201);
        }
        awaitProjectionsCaughtUp(exchange);
    }

    /** Four contributors, two of them sharing the first firm's account, and three withdrawers on two agencies. */
    private List<ClientTraffic.Client> clients() {
        List<ClientTraffic.Client> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            clients.add(contributor(c, firms.get(c % firms.size()), new Random(random.nextLong())));
        }
        for (int w = 0; w < 3; w++) {
            clients.add(withdrawer(w, agencies.get(w % agencies.size()), new Random(random.nextLong())));
        }
        return clients;
    }

    private static ClientTraffic.Client contributor(int index, Participant firm, Random random) {
        return (sequence, lastAcknowledged) -> {
            List<Map<String, Object>> items = new ArrayList<>();
            // Corroborates the seeder's item the first time this firm sends it, repeats it afterwards.
            items.add(seedItem(random.nextInt(SEED_ITEMS)));
            int size = BATCH_SIZES[random.nextInt(BATCH_SIZES.length)];
            for (int i = 0; i < size; i++) {
                items.add(item("domain", "i" + i + ".n" + sequence + ".c" + index + ".crash.example", "GREEN"));
            }
            return new Request("/api/contributions", firm, "c" + index + "-" + sequence, Map.of("items", items));
        };
    }

    /** Draws incrementally, as a platform's feed does: each time after the last pool position it was answered. */
    private static ClientTraffic.Client withdrawer(int index, Participant agency, Random random) {
        return (sequence, lastAcknowledged) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("types", List.of("domain"));
            body.put("limit", 1 + random.nextInt(25));
            if (lastAcknowledged != null && lastAcknowledged.body().hasNonNull("throughPosition")) {
                body.put("after", lastAcknowledged.body().path("throughPosition").asLong());
            }
            return new Request("/api/withdrawals", agency, "w" + index + "-" + sequence, body);
        };
    }

    private static Map<String, Object> seedItem(int i) {
        return item("domain", "s" + i + ".seed.crash.example", "GREEN");
    }

    /**
     * A client that gave up waiting: its contribution is stored and it never hears so. To the exchange that is a kill
     * between the commit and the answer, a window too narrow to aim a kill at.
     */
    private Request giveUpOnALargeContribution(ExchangeProcess exchange) {
        Request request = new Request("/api/contributions", firms.get(2), "abandoned", Map.of("items",
                IntStream.range(0, 5000).mapToObj(i -> item("domain", "i" + i + ".abandoned.crash.example", "GREEN"))
                        .toList()));
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(exchange.uri().resolve(request.path()))
                            .header("Authorization", "Bearer " + request.sender().apiKey())
                            .header(RequestKeyHeader.NAME, request.requestKey())
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofMillis(250))
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request.body())))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            throw new AssertionError("5000 items were answered within 250 ms: the client had no time to give up");
        } catch (HttpTimeoutException gaveUp) {
            await("the abandoned contribution stored").atMost(Duration.ofSeconds(30)).until(() ->
                    jdbc.queryForObject("select count(*) from request_log where request_key = ?", Long.class,
                            request.requestKey()) == 1);
            return request;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return how many unanswered requests were stored nonetheless */
    private long assertTheStoreAsTheKillLeftIt(List<Sent> answered, List<Sent> unanswered) {
        Map<String, Long> stored = storedAnswers();
        for (Sent request : answered) {
            assertThat(stored.get(key(request.request()))).as("acknowledged %s stored", key(request.request()))
                    .isEqualTo(1L);
        }
        for (Sent request : unanswered) {
            assertThat(stored.getOrDefault(key(request.request()), 0L)).as("unanswered %s stored",
                    key(request.request())).isLessThanOrEqualTo(1L);
        }
        return unanswered.stream().filter(request -> stored.containsKey(key(request.request()))).count();
    }

    /** @return the last answer to each request, by its key */
    private static Map<String, Response> retryEveryRequest(ExchangeClient exchange, List<Sent> sent) {
        Map<String, Response> answers = new LinkedHashMap<>();
        for (Sent request : sent) {
            String key = key(request.request());
            Response retried = ClientTraffic.send(exchange, request.request());
            if (request.acknowledged()) {
                assertThat(retried.status()).as("the retry of acknowledged %s: %s", key, retried.body())
                        .isEqualTo(request.answer().status());
                assertThat(retried.body()).as("the retry of acknowledged %s", key).isEqualTo(request.answer().body());
            } else {
                assertThat(retried.status()).as("the retry of unanswered %s: %s", key, retried.body())
                        .isEqualTo(201);
                assertThat(ClientTraffic.send(exchange, request.request()).body()).as("the retry of %s again", key)
                        .isEqualTo(retried.body());
            }
            answers.put(key, retried);
        }
        return answers;
    }

    /** What each account must hold: the seed's and the firms' credit, the grants less the agencies' costs. */
    private Map<String, BigDecimal> balancesFromTheReceipts(Map<String, Response> answers) {
        Map<String, BigDecimal> balances = new TreeMap<>();
        balances.put(seeder.id(), decimal(seed.body().path("drawableAdded")));
        firms.forEach(firm -> balances.put(firm.id(), sum(answers, firm, "drawableAdded")));
        agencies.forEach(agency -> balances.put(agency.id(), GRANTED.subtract(sum(answers, agency, "cost"))));
        return balances;
    }

    private void assertTheLedgerCountsEachRequestOnce(ExchangeClient exchange, Map<String, BigDecimal> balances,
                                                      Map<String, Long> once) {
        Map<String, BigDecimal> ledger = new TreeMap<>();
        balances.keySet().forEach(account -> ledger.put(account, decimal(exchange.get("/api/accounts/" + account,
                OPERATOR_KEY).body().path("balance").path("balance"))));
        assertThat(ledger).as("the ledger's balances against the receipts").isEqualTo(balances);
        for (String account : balances.keySet()) {
            List<JsonNode> lines = statement(exchange, account);
            assertThat(lines.stream().map(line -> decimal(line.path("amount"))).reduce(BigDecimal.ZERO.setScale(3),
                    BigDecimal::add)).as("%s's statement adds up", account).isEqualTo(balances.get(account));
            assertThat(lines.stream().map(line -> key(account, line.path("requestKey").asText())).sorted().toList())
                    .as("%s's statement: a line per request, each once", account)
                    .isEqualTo(once.keySet().stream().filter(key -> key.startsWith(account + " ")).toList());
        }
    }

    private void assertEachChargedOnce(Map<String, Response> answers) {
        for (Participant agency : agencies) {
            List<String> charged = answers.entrySet().stream()
                    .filter(answer -> answer.getKey().startsWith(agency.id() + " "))
                    .flatMap(answer -> elements(answer.getValue().body().path("items")))
                    .filter(delivered -> delivered.path("charge").asText().equals("CHARGED"))
                    .map(delivered -> delivered.path("item").path("value").asText()).toList();
            assertThat(charged).as("%s paid for each item once", agency.id()).doesNotHaveDuplicates();
        }
    }

    private void assertAReplayComputesTheSame(ExchangeClient exchange, Map<String, BigDecimal> balances) {
        JsonNode replay = finished(exchange, exchange.post("/api/audit/replays", auditor.apiKey(), null, Map.of()));
        assertThat(replay.path("findingsTotal").asLong()).as(replay.path("findings").toString()).isZero();
        assertThat(replay.path("comparison").path("made").asBoolean()).as(replay.path("comparison").toString())
                .isTrue();
        assertThat(replay.path("comparison").path("differences")).as("the ledger against the replay").isEmpty();
        Map<String, BigDecimal> replayed = new TreeMap<>();
        elements(replay.path("accounts")).map(account -> account.path("balance"))
                .filter(balance -> balances.containsKey(balance.path("accountId").asText()))
                .forEach(balance -> replayed.put(balance.path("accountId").asText(),
                        decimal(balance.path("balance"))));
        assertThat(replayed).as("the balances a replay computes").isEqualTo(balances);
        JsonNode verification = finished(exchange, exchange.post("/api/audit/verifications", auditor.apiKey(), null,
                Map.of()));
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    /** Each item in the catalogue, with how many accounts besides its first contributor's sent it too. */
    private Map<String, Integer> catalogue() {
        Map<String, Integer> corroborations = new TreeMap<>();
        jdbc.query("select item_value, corroborations from catalogue_item", rs -> {
            corroborations.put(rs.getString(1), rs.getInt(2));
        });
        return corroborations;
    }

    /** The same, from the requests: each was stored once in the end. */
    private Map<String, Integer> catalogueFrom(List<Sent> sent) {
        Map<String, Set<String>> senders = new HashMap<>();
        IntStream.range(0, SEED_ITEMS).forEach(i -> senders.computeIfAbsent((String) seedItem(i).get("value"),
                value -> new HashSet<>()).add(seeder.id()));
        sent.stream().filter(CrashRestartIT::isContribution).forEach(request -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) request.request().body().get("items");
            items.forEach(item -> senders.computeIfAbsent((String) item.get("value"), value -> new HashSet<>())
                    .add(request.request().sender().id()));
        });
        Map<String, Integer> catalogue = new TreeMap<>();
        senders.forEach((value, accounts) -> catalogue.put(value, accounts.size() - 1));
        return catalogue;
    }

    private Map<String, Long> storedAnswers() {
        return countByKey(jdbc.query(ANSWERS_STORED, (rs, i) -> key(rs.getString(1), rs.getString(2))));
    }

    private static String key(Request request) {
        return key(request.sender().id(), request.requestKey());
    }

    /** Requests are told apart by account and key: every client here draws its keys from a prefix of its own. */
    private static String key(String accountId, String requestKey) {
        return accountId + " " + requestKey;
    }

    private static boolean isContribution(Sent request) {
        return request.request().path().equals("/api/contributions");
    }

    private static Map<String, Long> countByKey(List<String> keys) {
        Map<String, Long> counts = new TreeMap<>();
        keys.forEach(key -> counts.merge(key, 1L, Long::sum));
        return counts;
    }

    private static BigDecimal sum(Map<String, Response> answers, Participant account, String field) {
        return answers.entrySet().stream().filter(answer -> answer.getKey().startsWith(account.id() + " "))
                .map(answer -> decimal(answer.getValue().body().path(field)))
                .reduce(BigDecimal.ZERO.setScale(3), BigDecimal::add);
    }

    private static BigDecimal decimal(JsonNode credit) {
        return credit.decimalValue().setScale(3);
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static List<JsonNode> statement(ExchangeClient exchange, String accountId) {
        List<JsonNode> lines = new ArrayList<>();
        for (JsonNode page = statementPage(exchange, accountId, -1); !page.isEmpty();
             page = statementPage(exchange, accountId, lines.get(lines.size() - 1).path("position").asLong())) {
            page.forEach(lines::add);
        }
        return lines;
    }

    private static JsonNode statementPage(ExchangeClient exchange, String accountId, long after) {
        return exchange.get("/api/accounts/" + accountId + "/statement?limit=1000&after=" + after, OPERATOR_KEY)
                .body().path("lines");
    }

    private static void awaitProjectionsCaughtUp(ExchangeClient exchange) {
        await("the projections caught up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode projections = exchange.get("/api/operations/projections", OPERATOR_KEY).body();
                    return !projections.isEmpty() && elements(projections).allMatch(projection ->
                            projection.path("running").asBoolean() && projection.path("caughtUp").asBoolean());
                });
    }

    private JsonNode finished(ExchangeClient exchange, Response started) {
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String job = "/api/audit/jobs/" + started.body().path("id").asText();
        JsonNode[] last = new JsonNode[1];
        await("the audit job done").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = exchange.get(job, auditor.apiKey()).body();
            return !last[0].path("state").asText().matches("QUEUED|RUNNING");
        });
        assertThat(last[0].path("state").asText()).as(last[0].toString()).isEqualTo("DONE");
        return last[0].path("result");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
