package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.ItemIdentity;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.reciprocity.portal.support.RequiresStixSchemas;
import org.reciprocity.portal.support.StixSchemas;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.ExchangeContract.unique;
import static org.reciprocity.portal.ExchangeContract.uniqueIp;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * What the portal's member pages read, end to end over HTTP: the quote before a withdrawal, the statement filtered
 * and downloaded, a withdrawal's items downloaded as CSV and STIX, and what others acted on. The same contract runs
 * on each store the exchange supports.
 */
interface MemberPagesContract {

    CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    ObjectMapper JSON = new ObjectMapper();

    ExchangeClient exchange();

    JdbcTemplate jdbc();

    ProjectionReplays projections();

    @Test
    default void aQuoteCostsWhatTheWithdrawalThenChargesAndRecordsNothing() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        long start = poolEnd();
        exchange().contribute(agency, "own", List.of(item("ipv4", uniqueIp(), "GREEN")));
        exchange().contribute(bank, "b1", List.of(item("ipv4", uniqueIp(), "GREEN"), item("ipv4", uniqueIp(), "GREEN"),
                item("ipv4", uniqueIp(), "GREEN"), item("domain", unique("quoted") + ".example", "GREEN")));
        grant(agency, 5);
        Projections.awaitCaughtUp(projections());
        // Its own item and one charged: the first is free from then on, the other received.
        assertThat(exchange().withdraw(agency, "w1", Map.of("types", List.of("ipv4"), "after", start, "limit", 2))
                .body().path("cost").decimalValue()).isEqualByComparingTo("1");
        Map<String, Object> everything = Map.of("after", start, "limit", 10);

        long events = events();
        Response quote = quote(agency, everything);
        assertThat(quote.status()).as(quote.body().toString()).isEqualTo(200);
        assertThat(events()).as("a quote records nothing").isEqualTo(events);
        JsonNode quoted = quote.body();
        assertThat(quoted.path("itemsOffered").asInt()).isEqualTo(5);
        assertThat(quoted.path("itemsCharged").asInt()).isEqualTo(3);
        assertThat(quoted.path("alreadyReceived").asInt()).isEqualTo(1);
        assertThat(quoted.path("ownContributions").asInt()).isEqualTo(1);
        assertThat(quoted.path("byType")).isEqualTo(JSON.valueToTree(Map.of("domain", 1, "ipv4", 4)));
        assertThat(quoted.path("balance").decimalValue()).isEqualByComparingTo("5");
        assertThat(quoted.path("availableNow").decimalValue()).isEqualByComparingTo("5");
        assertThat(quoted.path("covered").asBoolean()).isTrue();
        assertThat(quoted.path("policyVersion").asInt()).isEqualTo(1);
        assertThat(quoted.has("items")).as("a quote names no item").isFalse();
        assertThat(quoted.toString()).doesNotContain("value");

        JsonNode drawn = exchange().withdraw(agency, "w2", everything).body();
        assertThat(drawn.path("cost")).isEqualTo(quoted.path("cost"));
        assertThat(drawn.path("itemsCharged")).isEqualTo(quoted.path("itemsCharged"));
        assertThat(drawn.path("items")).hasSize(quoted.path("itemsOffered").asInt());
        assertThat(drawn.path("throughPosition")).isEqualTo(quoted.path("throughPosition"));
        assertThat(drawn.path("balance").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    default void aQuoteBeyondTheBalanceSaysItIsNotCoveredAndRecordsNoRefusal() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        long start = poolEnd();
        exchange().contribute(bank, "b1", List.of(item("ipv4", uniqueIp(), "GREEN"), item("ipv4", uniqueIp(), "GREEN"),
                item("ipv4", uniqueIp(), "GREEN")));
        Projections.awaitCaughtUp(projections());

        long events = events();
        JsonNode quoted = quote(agency, Map.of("after", start, "limit", 3)).body();
        assertThat(quoted.path("covered").asBoolean()).isFalse();
        assertThat(quoted.path("cost").decimalValue()).isEqualByComparingTo("3");
        assertThat(quoted.path("availableNow").decimalValue()).isEqualByComparingTo("0");
        assertThat(events()).as("no refusal recorded").isEqualTo(events);
        Projections.awaitCaughtUp(projections());
        assertThat(exchange().get("/api/accounts/" + agency.id(), agency.apiKey()).body().path("balance")
                .path("refusals").asInt()).isZero();

        Response withdrawn = exchange().withdraw(agency, "w1", Map.of("after", start, "limit", 3));
        assertThat(withdrawn.status()).as("the withdrawal the quote said would not be covered").isEqualTo(409);
        assertThat(withdrawn.body().path("cost")).isEqualTo(quoted.path("cost"));
        assertThat(quote(exchange().register("auditor"), Map.of("limit", 1)).status()).isEqualTo(403);
        assertThat(quote(agency, Map.of("limit", 0)).status()).isEqualTo(400);
    }

    @Test
    default void aStatementFilteredByKindAndTimeListsThoseLinesAlone() throws InterruptedException {
        Participant agency = statementOfEveryKind();
        List<JsonNode> all = lines(agency, "");
        assertThat(all).extracting(line -> line.path("type").asText())
                .containsExactly("CREDIT", "GRANT", "DEBIT", "REFUSAL");

        assertThat(lines(agency, "?kind=DEBIT,REFUSAL")).extracting(line -> line.path("type").asText())
                .containsExactly("DEBIT", "REFUSAL");
        assertThat(lines(agency, "?kind=GRANT&kind=CREDIT")).extracting(line -> line.path("type").asText())
                .containsExactly("CREDIT", "GRANT");
        String from = all.get(1).path("occurredAt").asText();
        String to = all.get(3).path("occurredAt").asText();
        assertThat(lines(agency, "?from=" + from + "&to=" + to)).as("from inclusive, to exclusive")
                .extracting(line -> line.path("type").asText()).containsExactly("GRANT", "DEBIT");
        assertThat(lines(agency, "?kind=CREDIT,DEBIT,REFUSAL&from=" + from + "&limit=1&after="
                + all.get(2).path("position").asLong())).extracting(line -> line.path("type").asText())
                .containsExactly("REFUSAL");

        Response unknown = exchange().get(statement(agency) + "?kind=DEBIT,credit", agency.apiKey());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.body().path("errors").path(0).path("field").asText()).isEqualTo("kind");
        assertThat(unknown.body().path("detail").asText()).contains("'credit'", "CREDIT, BONUS, GRANT, DEBIT, "
                + "EXPIRY, REFUSAL");
        assertThat(exchange().get(statement(agency) + "?limit=5000", agency.apiKey()).status()).isEqualTo(400);
    }

    @Test
    default void aStatementDownloadsAsCsvOneRowPerLineQuotedAsCsvQuotes() throws InterruptedException {
        Participant agency = statementOfEveryKind();
        List<JsonNode> lines = lines(agency, "");

        Response csv = exchange().get(statement(agency) + "?format=csv&limit=5000", agency.apiKey());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.contentDisposition()).isEqualTo("attachment; filename=\"statement-" + agency.id() + ".csv\"");
        List<List<String>> rows = rows(csv);
        assertThat(rows.get(0)).containsExactly("position", "occurredAt", "type", "participantId", "amount",
                "credit", "balanceAfter", "cause", "causeId", "requestKey", "items", "policyVersion", "detail",
                "vestsAt");
        assertThat(rows).hasSize(lines.size() + 1);
        for (int i = 0; i < lines.size(); i++) {
            Map<String, String> row = row(rows.get(0), rows.get(i + 1));
            JsonNode line = lines.get(i);
            assertThat(row.get("position")).isEqualTo(line.path("position").asText());
            assertThat(row.get("type")).isEqualTo(line.path("type").asText());
            assertThat(row.get("occurredAt")).isEqualTo(line.path("occurredAt").asText());
            assertThat(row.get("amount")).isEqualTo(line.path("amount").decimalValue().toPlainString());
            assertThat(row.get("policyVersion")).isEqualTo(line.path("policyVersion").asText(""));
        }
        // The grant's reason holds a comma and quotes: the cell is quoted, its quotes doubled, and reads back whole.
        assertThat(csv.body().asText()).contains("\"Programme \"\"Towns\"\", 2027\"");
        assertThat(row(rows.get(0), rows.get(2)).get("detail")).isEqualTo("Programme \"Towns\", 2027");

        Response accepted = exchange().get(statement(agency) + "?kind=REFUSAL", agency.apiKey(), "text/csv");
        assertThat(accepted.contentType()).startsWith("text/csv");
        assertThat(rows(accepted)).hasSize(2);
        assertThat(exchange().get(statement(agency), agency.apiKey(), "text/*").status())
                .as("a wildcard asks for no download").isEqualTo(406);
        assertThat(exchange().get(statement(agency) + "?format=xml", agency.apiKey()).status()).isEqualTo(400);
        Response refused = exchange().get(statement(agency) + "?kind=NONE", agency.apiKey(), "text/csv");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).as("a refusal is a problem, whatever was asked for").isTrue();
        assertThat(exchange().get(statement(agency) + "?format=csv", exchange().register("firm").apiKey()).status())
                .isEqualTo(403);
    }

    @Test
    default void aWithdrawalsItemsDownloadAsCsvAndAsTheStixThePoolServes() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        long start = poolEnd();
        String ip = uniqueIp();
        String domain = unique("drawn") + ".example";
        Map<String, Object> tagged = item("ipv4", ip, "GREEN");
        tagged.put("tags", List.of("c2", "phase;2,\"x\""));
        exchange().contribute(bank, "b1", List.of(tagged, item("domain", domain, "AMBER")));
        grant(agency, 2);
        Projections.awaitCaughtUp(projections());
        exchange().withdraw(agency, "w1", Map.of("after", start, "limit", 2));
        Projections.awaitCaughtUp(projections());
        long position = lines(agency, "?kind=DEBIT").get(0).path("position").asLong();
        String items = statement(agency) + "/" + position + "/items";

        Response csv = exchange().get(items + "?format=csv", agency.apiKey());
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.contentDisposition()).isEqualTo("attachment; filename=\"statement-" + agency.id() + "-"
                + position + "-items.csv\"");
        List<List<String>> rows = rows(csv);
        assertThat(rows.get(0)).containsExactly("ordinal", "type", "value", "withheld", "tlp", "confidence", "tags",
                "rule", "weight", "credit");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row(rows.get(0), row))
                .extracting(row -> row.get("type"), row -> row.get("value"), row -> row.get("tlp"),
                        row -> row.get("confidence"), row -> row.get("tags"), row -> row.get("rule"),
                        row -> row.get("credit"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ipv4", ip, "GREEN", "100",
                                "[\"c2\",\"phase;2,\\\"x\\\"\"]", "CHARGED", "1"),
                        org.assertj.core.groups.Tuple.tuple("domain", domain, "AMBER", "100", "[]", "CHARGED", "1"));

        Response stix = exchange().get(items + "?format=stix", agency.apiKey());
        assertThat(stix.status()).isEqualTo(200);
        assertThat(stix.contentType()).isEqualTo("application/stix+json;version=2.1");
        assertThat(stix.contentDisposition()).endsWith("-items.json\"");
        JsonNode bundle = stix.body();
        assertThat(bundle.path("type").asText()).isEqualTo("bundle");
        assertThat(bundle.path("id").asText()).startsWith("bundle--");
        List<JsonNode> indicators = new ArrayList<>();
        bundle.path("objects").forEach(object -> {
            if (object.path("type").asText().equals("indicator")) {
                indicators.add(object);
            }
        });
        assertThat(indicators).extracting(indicator -> indicator.path("id").asText()).containsExactly(
                "indicator--" + ItemIdentity.of(ItemType.IPV4, ip), "indicator--" + ItemIdentity.of(ItemType.DOMAIN,
                        domain));
        assertThat(indicators.get(0).path("labels")).extracting(JsonNode::asText).contains("phase;2,\"x\"");
        // As TAXII serves the same items to the one who drew them.
        JsonNode served = exchange().get("/taxii2/pool/collections/a7f8b7c0-53f1-4f0e-9a8e-5d1b8e2b7c11/objects/"
                + indicators.get(0).path("id").asText() + "/", agency.apiKey(), "application/taxii+json;version=2.1")
                .body().path("objects").path(0);
        assertThat(indicators.get(0)).isEqualTo(served);

        assertThat(exchange().get(items, agency.apiKey(), "application/stix+json;version=2.1").contentType())
                .isEqualTo("application/stix+json;version=2.1");
        assertThat(exchange().get(items + "?format=stix", exchange().register("auditor").apiKey()).status())
                .isEqualTo(200);
        assertThat(exchange().get(items + "?format=stix", exchange().register("firm").apiKey()).status())
                .isEqualTo(403);
    }

    @Test
    @RequiresStixSchemas
    default void aWithdrawalsItemsAsStixAreASchemaValidBundle() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        long start = poolEnd();
        exchange().contribute(bank, "b1", List.of(item("url", "https://" + unique("stix") + ".example/x", "CLEAR"),
                item("sha256", ExchangeContract.uniqueHex(64), "GREEN")));
        grant(agency, 2);
        Projections.awaitCaughtUp(projections());
        exchange().withdraw(agency, "w1", Map.of("after", start, "limit", 2));
        Projections.awaitCaughtUp(projections());
        long position = lines(agency, "?kind=DEBIT").get(0).path("position").asLong();

        JsonNode bundle = exchange().get(statement(agency) + "/" + position + "/items?format=stix", agency.apiKey())
                .body();
        assertThat(StixSchemas.problemsWith(bundle)).as(bundle.toString()).isEmpty();
        assertThat(bundle.path("objects")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(object -> assertThat(StixSchemas.problemsWith(object)).as(object.toString()).isEmpty());
    }

    @Test
    default void aContributorSeesWhatOthersActedOnCountedNotNamed() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        Participant telco = exchange().register("firm");
        long start = poolEnd();
        String acted = uniqueIp();
        String ignored = uniqueIp();
        exchange().contribute(bank, "b1", List.of(item("ipv4", acted, "GREEN"), item("ipv4", ignored, "GREEN")));
        String agencyOwn = uniqueIp();
        exchange().contribute(agency, "a1", List.of(item("ipv4", agencyOwn, "GREEN")));
        grant(agency, 5);
        grant(telco, 5);
        Projections.awaitCaughtUp(projections());
        exchange().withdraw(agency, "w1", Map.of("after", start, "limit", 3));
        exchange().withdraw(telco, "w1", Map.of("after", start, "limit", 3));
        report(agency, acted, agencyOwn);
        report(telco, acted, agencyOwn);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc().queryForObject("select count(*) from "
                + "statement_entry where entry_type = 'BONUS' and account_id in (?, ?)", Long.class, bank.id(),
                agency.id()) == 3);
        Projections.awaitCaughtUp(projections());

        JsonNode page = exchange().get("/api/accounts/" + bank.id() + "/acted-on", bank.apiKey()).body();
        assertThat(page.path("items")).extracting(item -> item.path("value").asText()).containsExactly(acted);
        JsonNode item = page.path("items").path(0);
        assertThat(item.path("type").asText()).isEqualTo("ipv4");
        assertThat(item.path("consumers").asInt()).isEqualTo(2);
        assertThat(item.path("bonus").decimalValue()).isEqualByComparingTo("1");
        assertThat(item.path("firstReportedAt").asText()).isNotEmpty();
        assertThat(page.toString()).as("the consumers are not named").doesNotContain(agency.id(), telco.id());

        JsonNode agencys = exchange().get("/api/accounts/" + agency.id() + "/acted-on", agency.apiKey()).body();
        assertThat(agencys.path("items")).as("what the agency reported is not what others acted on of its own")
                .extracting(own -> own.path("value").asText()).containsExactly(agencyOwn);
        assertThat(agencys.path("items").path(0).path("consumers").asInt()).as("the telco's report alone")
                .isEqualTo(1);
        assertThat(exchange().get("/api/accounts/" + bank.id() + "/acted-on?after="
                + item.path("number").asLong(), bank.apiKey()).body().path("items")).isEmpty();
        assertThat(exchange().get("/api/accounts/" + bank.id() + "/acted-on", telco.apiKey()).status())
                .isEqualTo(403);
        assertThat(exchange().get("/api/accounts/" + bank.id() + "/acted-on?limit=0", bank.apiKey()).status())
                .isEqualTo(400);
    }

    /** An agency's statement with a credit, a grant, a debit and a refusal, each a moment after the one before. */
    private Participant statementOfEveryKind() throws InterruptedException {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        long start = poolEnd();
        exchange().contribute(bank, "b1", List.of(item("ipv4", uniqueIp(), "GREEN"), item("ipv4", uniqueIp(), "GREEN"),
                item("ipv4", uniqueIp(), "GREEN")));
        exchange().contribute(agency, "a1", List.of(item("domain", unique("every") + ".example", "GREEN")));
        Thread.sleep(5);
        exchange().post("/api/accounts/" + agency.id() + "/grants", exchange().operatorKey(), "g1", Map.of("amount", 1,
                "reason", "Programme \"Towns\", 2027"));
        Thread.sleep(5);
        Projections.awaitCaughtUp(projections());
        exchange().withdraw(agency, "w1", Map.of("types", List.of("ipv4"), "after", start, "limit", 2));
        Thread.sleep(5);
        exchange().withdraw(agency, "w2", Map.of("types", List.of("ipv4"), "after", start, "limit", 3));
        Projections.awaitCaughtUp(projections());
        return agency;
    }

    private List<JsonNode> lines(Participant participant, String query) {
        Response statement = exchange().get(statement(participant) + query, participant.apiKey());
        assertThat(statement.status()).as(statement.body().toString()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        statement.body().path("lines").forEach(lines::add);
        return lines;
    }

    private static String statement(Participant participant) {
        return "/api/accounts/" + participant.id() + "/statement";
    }

    private Response quote(Participant participant, Map<String, Object> request) {
        return exchange().post("/api/withdrawals/quotes", participant.apiKey(), null, request);
    }

    private void grant(Participant participant, int amount) {
        assertThat(exchange().post("/api/accounts/" + participant.id() + "/grants", exchange().operatorKey(),
                unique("grant"), Map.of("amount", amount, "reason", "programme")).status()).isEqualTo(201);
    }

    private void report(Participant participant, String... ips) {
        List<Map<String, String>> items = new ArrayList<>();
        for (String ip : ips) {
            items.add(Map.of("type", "ipv4", "value", ip));
        }
        assertThat(exchange().post("/api/acted-on", participant.apiKey(), unique("report"), Map.of("items", items))
                .status()).isEqualTo(201);
    }

    /** The pool position the next item will follow, once the catalogue has taken in what was stored. */
    private long poolEnd() {
        Projections.awaitCaughtUp(projections());
        Long end = jdbc().queryForObject("select max(pool_position) from catalogue_item", Long.class);
        return end == null ? 0 : end;
    }

    private long events() {
        Long count = jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private static List<List<String>> rows(Response csv) {
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).readValues(csv.body().asText())) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("the download is not CSV: " + csv.body().asText(), e);
        }
    }

    private static Map<String, String> row(List<String> header, List<String> cells) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), cells.get(i));
        }
        return row;
    }
}
